import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { ROOT } from "../core/corpus-files.js";

const temps: string[] = [];
function host(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "xencfg-lint-cli-"));
  temps.push(dir);
  for (const [p, text] of Object.entries(files)) {
    const abs = join(dir, p);
    mkdirSync(join(abs, ".."), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

const CLEAN = "name = 'web1'\nvif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0' ]\n";
const UPPER = "name = 'web2'\nvif = [ 'mac=00:16:3E:07:D2:0F, bridge=xenbr0' ]\n";
const UNKNOWN = "name = 'web3'\nvif = [ 'mac=00:16:3e:07:d2:10, brigde=xenbr0' ]\n";
const SPLIT = "name = 'web4'\nvif = [ 'bridge=xenbr1', 'mac=00:16:3e:07:d2:11' ]\n";

describe("xencfg lint", () => {
  it("exits 0 on the clean sample hosts, with no error finding", async () => {
    const r = await runCli(["lint", "--format", "json", "samples/single-nic/etc/xen", "samples/two-nic/etc/xen"]);
    const rows = JSON.parse(r.stdout) as { severity: string }[];
    expect(rows.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
    // The single-NIC host has nothing to say at all.
    expect((await runCli(["lint", "samples/single-nic/etc/xen"])).stdout).toBe("no problems in 4 files checked\n");
  });

  it("exits 1 on the broken samples and reports each mistake", async () => {
    const files = readdirSync(join(ROOT, "samples/broken")).sort().map((f) => `samples/broken/${f}`);
    const r = await runCli(["lint", "--format", "json", ...files]);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { file: string; rule: string }[];
    for (const f of files) expect(rows.some((x) => x.file === f && x.rule === "syntax"), f).toBe(true);
  });

  it("exits 0 with warnings and info, 1 with an error, and --max-warnings turns warnings into a failure", async () => {
    const dir = host({ "etc/xen/a.cfg": UPPER, "etc/xen/b.cfg": SPLIT });
    expect((await runCli(["lint", "etc/xen"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["lint", "etc/xen", "--max-warnings", "1"], { cwd: dir })).code).toBe(0);
    const over = await runCli(["lint", "etc/xen", "--max-warnings", "0"], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("1 warning, more than --max-warnings 0");
    const dir2 = host({ "etc/xen/c.cfg": UNKNOWN });
    expect((await runCli(["lint", "etc/xen"], { cwd: dir2 })).code).toBe(1);
  });

  it("exits 2 for usage problems, a bad config file and unreadable paths", async () => {
    expect((await runCli(["lint"])).code).toBe(2);
    expect((await runCli(["lint", "samples/single-nic/etc/xen", "--format", "xml"])).code).toBe(2);
    expect((await runCli(["lint", "samples/single-nic/etc/xen", "--xen", "five"])).code).toBe(2);
    expect((await runCli(["lint", "samples/single-nic/etc/xen", "--max-warnings", "-1"])).code).toBe(2);
    const typo = await runCli(["lint", "samples/single-nic/etc/xen", "--max-warnings", "ten"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("xencfg: --max-warnings wants a whole number of at least 0, not ten\n");
    expect((await runCli(["lint", "samples/single-nic/etc/xen", "--fix-type", "split-spec"])).code).toBe(2);
    const missing = await runCli(["lint", "samples/single-nic/etc/xen", "no/such/path"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("no/such/path\n  1:1  error  cannot read: no such file or folder  io");
    const dir = host({ "etc/xencfg.config.json": '{ "rules": { "mac-cas": "off" } }', "etc/xen/a.cfg": CLEAN });
    const cfg = await runCli(["lint", "etc/xen"], { cwd: dir });
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toMatch(/xencfg\.config\.json: rules\.mac-cas: unknown rule \(did you mean mac-case\?\)/);
  });

  it("reads xencfg.config.json above the linted folder, or the one --config names", async () => {
    const dir = host({
      "etc/xencfg.config.json": '{ "rules": { "mac-case": "error" } }',
      "other.json": '{ "rules": { "mac-case": "off" } }',
      "etc/xen/a.cfg": UPPER,
    });
    const found = await runCli(["lint", "etc/xen", "--verbose"], { cwd: dir });
    expect(found.code).toBe(1);
    expect(found.stderr).toContain(`using config ${join(dir, "etc/xencfg.config.json")}`);
    const named = await runCli(["lint", "etc/xen", "--config", "other.json"], { cwd: dir });
    expect(named.code).toBe(0);
    expect(named.stdout).toBe("no problems in 1 file checked\n");
  });

  it("--verbose says which files were skipped and why", async () => {
    const dir = host({ "etc/xen/a.cfg": CLEAN, "etc/xen/a.cfg~": CLEAN, "etc/xen/b.cfg.rpmnew": CLEAN, "etc/xen/scripts/vif-bridge": "#!/bin/sh\n", "etc/xen/hook": "#!/bin/sh\necho\n" });
    const r = await runCli(["lint", "etc/xen", "--verbose"], { cwd: dir });
    expect(r.stderr).toContain("skipped etc/xen/a.cfg~: editor or backup copy");
    expect(r.stderr).toContain("skipped etc/xen/b.cfg.rpmnew: package manager leftover");
    expect(r.stderr).toContain("skipped etc/xen/hook: a script or program");
    expect(r.code).toBe(0);
  });

  it("--fix rewrites only the fixed spans, atomically, keeps the file mode, and reports what it changed", async () => {
    const text = "# web2: copied from web1\r\nname = 'web2'   # keep\r\nvif = [ 'mac=00:16:3E:07:D2:0F, bridge=xenbr0' ]\r\nmemory=512";
    const dir = host({ "etc/xen/a.cfg": text, "etc/xen/b.cfg": SPLIT, "etc/xen/c.cfg": "name = “web5”\n" });
    chmodSync(join(dir, "etc/xen/a.cfg"), 0o640);
    const before = statSync(join(dir, "etc/xen/a.cfg"));
    const r = await runCli(["lint", "etc/xen", "--fix"], { cwd: dir });
    expect(r.stderr).toContain("fixed 1 problem in etc/xen/a.cfg (mac-case)");
    expect(r.stderr).toContain("fixed 1 problem in etc/xen/c.cfg (syntax)");
    expect(readFileSync(join(dir, "etc/xen/a.cfg"), "utf8")).toBe(text.replace("00:16:3E:07:D2:0F", "00:16:3e:07:d2:0f"));
    expect(readFileSync(join(dir, "etc/xen/c.cfg"), "utf8")).toBe('name = "web5"\n');
    // The split list is only merged on request.
    expect(readFileSync(join(dir, "etc/xen/b.cfg"), "utf8")).toBe(SPLIT);
    const after = statSync(join(dir, "etc/xen/a.cfg"));
    expect(after.mode & 0o777).toBe(0o640);
    // Replaced by rename, not rewritten in place: a reader never sees half a file.
    expect(after.ino).not.toBe(before.ino);
    expect(readdirSync(join(dir, "etc/xen")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // The report is of the files as they are now.
    expect(r.stdout).toContain("vif-split-spec");
    expect(r.stdout).not.toContain("mac-case");
    expect(r.code).toBe(0);

    // The kind before the paths: one value per --fix-type, so the folder after it is still a path.
    const split = await runCli(["lint", "--fix", "--fix-type", "split-spec", "etc/xen"], { cwd: dir });
    expect(split.stderr).toContain("fixed 1 problem in etc/xen/b.cfg (vif-split-spec)");
    expect(readFileSync(join(dir, "etc/xen/b.cfg"), "utf8")).toBe("name = 'web4'\nvif = [ 'bridge=xenbr1, mac=00:16:3e:07:d2:11' ]\n");
    // a.cfg's CRLF line 3 has no comment after it: xl refuses the file (xl-whitespace; no fix without --xen xl).
    expect(split.stdout).toMatch(/^etc\/xen\/a\.cfg\n  3:49  warning  xl refuses this file .* xl-whitespace\n\n1 problem \(0 errors, 1 warning, 0 info\) in 3 files checked\n$/);
  });

  it("-o writes the report to a file", async () => {
    const dir = host({ "etc/xen/a.cfg": UNKNOWN });
    const r = await runCli(["lint", "etc/xen", "--format", "sarif", "-o", "report.sarif"], { cwd: dir });
    expect(r.stdout).toBe("");
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, "report.sarif"), "utf8"));
    expect(log.runs[0].results[0].ruleId).toBe("vif-unknown-key");
  });

  it("github format annotates each finding", async () => {
    const dir = host({ "etc/xen/a.cfg": UNKNOWN });
    const r = await runCli(["lint", "etc/xen", "--format", "github"], { cwd: dir });
    expect(r.stdout).toBe("::error file=etc/xen/a.cfg,line=2,col=33,endLine=2,endColumn=39,title=vif-unknown-key::'brigde' is not a vif key: xl skips it (\"unrecognized argument\") and starts the guest without it, and xm refuses the guest (\"Invalid vif option\"); did you mean 'bridge'? [vif-unknown-key]\n");
  });
});

describe("xencfg rules", () => {
  it("lists every rule with its default severity and fixability", async () => {
    const r = await runCli(["rules"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rule +default +fix +description\n/);
    expect(r.stdout).toMatch(/\nmac-case +info +yes +a vif mac= with upper-case hex digits/);
    expect(r.stdout).toMatch(/\nmac-duplicate +error +the same MAC/);
    const json = JSON.parse((await runCli(["rules", "--format", "json"])).stdout);
    expect(json.find((x: { id: string }) => x.id === "vif-split-spec")).toEqual({ id: "vif-split-spec", severity: "warning", fixable: true, description: expect.any(String) });
    expect(json.some((x: { id: string }) => x.id === "io")).toBe(true);
  });
});

describe("xencfg lint (built bin)", () => {
  it("exits with the codes an admin's CI sees, and never prints a stack trace on bad input", () => {
    const bin = join(ROOT, "bin/xencfg.js");
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: "utf8" });
    expect(run(["lint", "samples/single-nic/etc/xen"]).status).toBe(0);
    const broken = run(["lint", "samples/broken"]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe("");
    const usage = run(["lint", "--format", "nope", "samples"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });
});
