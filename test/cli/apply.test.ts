import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The built bin, as an admin runs it: exit codes, help, and the whole migrate -> apply -> rollback path
// on a copy of the single-NIC sample (files only, no root needed).
const REPO = resolve(__dirname, "../..");
const BIN = join(REPO, "bin/xencfg.js");

function xencfg(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("xencfg migrate/apply/rollback/confirm (built bin)", () => {
  it("lists the commands and their options in --help", () => {
    const top = xencfg(["--help"]);
    expect(top.out, top.err).toMatch(/migrate[\s\S]*apply <plan>[\s\S]*rollback[\s\S]*confirm/);
    const apply = xencfg(["apply", "--help"]).out;
    for (const o of ["--root", "--netns", "--dry-run", "--yes", "--confirm", "--probe"]) expect(apply).toContain(o);
    expect(apply).not.toContain("--on-confirm-timeout");
    const migrate = xencfg(["migrate", "--help"]).out;
    for (const o of ["--bridge", "--move", "--live", "--pin-default", "--json", "--output"]) expect(migrate).toContain(o);
  });

  it("exits 2 for usage problems", () => {
    expect(xencfg(["apply", "/nonexistent/plan.json", "--yes"]).code).toBe(2);
    expect(xencfg(["apply", "x.json", "--confirm", "-3"]).code).toBe(2);
    expect(xencfg(["apply", "x.json", "--probe", "host.example:22"]).code).toBe(2);
    expect(xencfg(["migrate", "--root", "samples/single-nic", "--bridge", "xenbr1"]).code).toBe(2);
    expect(xencfg(["migrate", "--root", "samples/single-nic", "--move", "db1"]).code).toBe(2);
  });

  it("migrates the single-NIC sample to two bridges, applies it, and rolls it back", () => {
    const root = mkdtempSync(join(tmpdir(), "xcfg-bin-"));
    try {
      cpSync(join(REPO, "samples/single-nic"), root, { recursive: true });
      const plan = join(root, "plan.json");
      const m = xencfg(["migrate", "--root", root, "--bridge", "xenbr1=eth1", "--move", "db1.1=xenbr1", "-o", plan]);
      expect(m.code).toBe(0);
      expect(m.out).toContain("+    'mac=00:16:3e:5a:32:db,bridge=xenbr1',   # replication");
      const json = JSON.parse(readFileSync(plan, "utf8"));
      expect(json.version).toBe(1);
      expect(json.files.map((f: { path: string }) => f.path)).toEqual(["/etc/xen/scripts/network-wrapper", "/etc/xen/xend-config.sxp", "/etc/xen/auto/db1.cfg"]);
      const before = readFileSync(join(root, "etc/xen/xend-config.sxp"), "utf8");
      const a = xencfg(["apply", plan, "--root", root, "--yes"]);
      expect(a.err).toBe("");
      expect(a.code).toBe(0);
      expect(readFileSync(join(root, "etc/xen/xend-config.sxp"), "utf8")).toContain("(network-script network-wrapper)");
      const r = xencfg(["rollback", "--root", root]);
      expect(r.code).toBe(0);
      expect(readFileSync(join(root, "etc/xen/xend-config.sxp"), "utf8")).toBe(before);
      expect(xencfg(["confirm", "--root", root]).code).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
