import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { contentHash } from "../../src/plan/hash.js";
import { liveBridgeSteps } from "../../src/plan/live-steps.js";
import { serializePlan } from "../../src/plan/plan-json.js";
import type { Plan, PlanStep } from "../../src/plan/types.js";

/** A throwaway host root with an /etc/xen tree. */
export function makeRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "xcfg-root-"));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function removeRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}

/** A plan that rewrites the given files (host paths) to new contents and then runs `extraSteps`. */
export function buildPlan(root: string, changes: Record<string, string>, live: { bridge: string; nic: string }[] = []): Plan {
  const files = Object.entries(changes).map(([path, newContent]) => {
    let current: string | null = null;
    try {
      current = readFileSync(join(root, path), "utf8");
    } catch {
      current = null;
    }
    return { path, expectedHash: current === null ? null : contentHash(current), newContent, mode: path.includes("scripts/") ? 0o755 : 0o644 };
  });
  const steps: PlanStep[] = files.map((f, i) => ({
    id: i + 1,
    kind: "file",
    description: `write ${f.path}`,
    path: f.path,
    undo: { kind: "file-restore", path: f.path, description: `restore ${f.path}` },
  }));
  for (const l of live) steps.push(...liveBridgeSteps(l.bridge, l.nic, steps.length + 1));
  return { version: 1, root, createdAt: "2026-11-26T12:00:00.000Z", files, steps, warnings: [] };
}

export function writePlan(dir: string, plan: Plan): string {
  const path = join(dir, "plan.json");
  writeFileSync(path, serializePlan(plan));
  return path;
}

export interface CapturedIo {
  out: string;
  err: string;
}

export function captureIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const cap: CapturedIo = { out: "", err: "" };
  const io = {
    stdout: (s: string) => void (cap.out += s),
    stderr: (s: string) => void (cap.err += s),
    isTTY: false,
    stdinIsTTY: false,
    cwd,
    env,
  };
  return { io, cap };
}
