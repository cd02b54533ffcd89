import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../core/corpus-files.js";

// Prettier's own CLI loading the built plugin (run `npm run build` first; `npm test` does), by path and
// by the package's self-reference `xencfg/prettier` (package.json "exports").
const PRETTIER = join(ROOT, "node_modules", "prettier", "bin", "prettier.cjs");

function prettier(args: string[]) {
  const r = spawnSync(process.execPath, [PRETTIER, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the plugin through the Prettier CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "xencfg-prettier-"));

  it.each(["./dist/src/prettier/plugin.js", "xencfg/prettier"])("--plugin=%s formats a guest file to stdout", (pluginArg) => {
    const file = join(dir, "web1.cfg");
    writeFileSync(file, "name='web1'\nvif=['mac=00:16:3E:0A:1B:2C']\n");
    const r = prettier([`--plugin=${pluginArg}`, file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("name = 'web1'\nvif = [ 'mac=00:16:3e:0a:1b:2c' ]\n");
  });

  it("--write formats xend-config.sxp in place; --check then passes", () => {
    const file = join(dir, "xend-config.sxp");
    copyFileSync(join(ROOT, "..", "shared", "corpus", "xen", "xend-config.sxp.xen-3.0.0"), file);
    // Not formatted yet (its blank-line runs collapse), so the --check below proves --write wrote.
    expect(prettier(["--plugin=xencfg/prettier", "--check", file]).code).toBe(1);
    const w = prettier(["--plugin=xencfg/prettier", "--write", file]);
    expect(w.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("\n(network-script network-bridge)\n");
    expect(prettier(["--plugin=xencfg/prettier", "--check", file]).code).toBe(0);
  });

  it("--parser=xen-cfg for a guest file without an extension; --xen-quote=double", () => {
    const file = join(dir, "db1");
    writeFileSync(file, "name = 'db1'\n");
    const r = prettier(["--plugin=xencfg/prettier", "--parser=xen-cfg", "--xen-quote=double", file]);
    expect(r.stdout).toBe('name = "db1"\n');
  });

  it("reports a syntax error with its location and exits 2, leaving the file alone", () => {
    const file = join(dir, "broken.cfg");
    const text = "name = 'web1'\nvif = [ 'bridge=xenbr0'\n";
    writeFileSync(file, text);
    const r = prettier(["--plugin=xencfg/prettier", "--write", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.cfg: SyntaxError: '\[' is never closed.*\(2:7\)/);
    expect(r.stderr).toContain("> 2 | vif = [ 'bridge=xenbr0'");
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
