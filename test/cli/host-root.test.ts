import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { ROOT } from "../core/corpus-files.js";

// A mistyped --root must not become a new folder tree on the host, nor an internal error.
describe("--root that is not a folder", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "xencfg-root-"));
    cpSync(join(ROOT, "samples/single-nic"), join(dir, "host"), { recursive: true });
    writeFileSync(join(dir, "file"), "");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const plan = async () => {
    const r = await runCli(["migrate", "--root", "host", "--bridge", "xenbr1=eth1", "-o", "plan.json"], { cwd: dir });
    expect(r.code).toBe(0);
    return "plan.json";
  };

  it.each([
    [["rollback", "--root", "typo"], "typo: no such folder"],
    [["confirm", "--root", "typo"], "typo: no such folder"],
    [["rollback", "--root", "file"], "file: not a folder"],
    [["confirm", "--root", "file"], "file: not a folder"],
  ])("%j exits 2 and creates nothing", async (argv, message) => {
    const r = await runCli(argv, { cwd: dir });
    expect(r.stderr).toBe(`xencfg: --root ${message}\n`);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "typo"))).toBe(false);
  });

  it.each([[["--dry-run"]], [["--yes"]]])("apply %j with a missing --root exits 2 and creates nothing", async (extra) => {
    const r = await runCli(["apply", await plan(), "--root", "typo", ...extra], { cwd: dir });
    expect(r.stderr).toBe("xencfg: --root typo: no such folder\n");
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "typo"))).toBe(false);
  });
});
