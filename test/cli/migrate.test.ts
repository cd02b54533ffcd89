import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { ROOT } from "../core/corpus-files.js";

describe("xencfg migrate -o", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "xencfg-migrate-"));
    cpSync(join(ROOT, "samples/single-nic"), root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ["a missing folder", "no/such/dir/plan.json", /^xencfg migrate: cannot write no\/such\/dir\/plan\.json: .*ENOENT/],
    ["a folder", "etc", /^xencfg migrate: cannot write etc: .*not a regular file/],
  ])("to %s is an I/O error (exit 2) with the path, not an internal error", async (_what, output, message) => {
    const r = await runCli(["migrate", "--root", ".", "--bridge", "xenbr1=eth1", "-o", output], { cwd: root });
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});
