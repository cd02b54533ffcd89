import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

// xencfg knows Xen from 3.0 on (xend 3.0 to 4.4, then xl): the docs, the rules and their messages cover
// nothing older, so lint refuses an older --xen (or "xen" in the config file) instead of answering for it.

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

function host(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "xencfg-lint-xen-"));
  temps.push(dir);
  mkdirSync(join(dir, "etc/xen"), { recursive: true });
  writeFileSync(join(dir, "etc/xen/web1.cfg"), "name = 'web1'\nvif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0' ]\n");
  if (config !== undefined) writeFileSync(join(dir, "etc/xencfg.config.json"), config);
  return dir;
}

describe("lint --xen: the supported range", () => {
  it("refuses versions before 3.0 with exit 2, naming the range", async () => {
    const dir = host();
    for (const v of ["2.0", "2.9", "1.0", "0.9.1"]) {
      const r = await runCli(["lint", "etc/xen", "--xen", v], { cwd: dir });
      expect(r.code, v).toBe(2);
      expect(r.stdout, v).toBe("");
      expect(r.stderr, v).toBe(`xencfg: --xen ${v}: xencfg knows Xen from 3.0 on: 3.0 to 4.4 (xend), 4.5 and later or xl (xl only)\n`);
    }
  });

  it("refuses them in the config file's \"xen\" too", async () => {
    const r = await runCli(["lint", "etc/xen"], { cwd: host('{ "xen": "2.0" }') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xencfg\.config\.json: xen: expected a Xen version from 3\.0 on \(3\.0 to 4\.4 \(xend\), 4\.5 and later or xl \(xl only\)\), found "2\.0"/);
  });

  it("keeps accepting the supported spellings", async () => {
    const dir = host();
    for (const v of ["3.0", "3.0.4", "3.2", "4.0", "4.1.3", "4.4", "4.5", "4.17", "xl"]) {
      const r = await runCli(["lint", "etc/xen", "--xen", v], { cwd: dir });
      expect(r, v).toMatchObject({ code: 0, stderr: "" });
    }
    expect(await runCli(["lint", "etc/xen"], { cwd: host('{ "xen": "3.0" }') })).toMatchObject({ code: 0, stderr: "" });
  });
});
