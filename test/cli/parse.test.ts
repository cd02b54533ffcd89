import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { ROOT } from "../core/corpus-files.js";
import { VERSION } from "../../src/version.js";

describe("xencfg parse", () => {
  it("summarises clean files and exits 0", async () => {
    const r = await runCli(["parse", "samples/two-nic/etc/xen/xend-config.sxp", "samples/two-nic/etc/xen/front1.cfg"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "samples/two-nic/etc/xen/xend-config.sxp: xend config, 8 directives; network-script network-wrapper; vif-script vif-bridge\n" +
        "samples/two-nic/etc/xen/front1.cfg: guest front1, 7 settings; 2 vifs (xenbr0 00:16:3e:41:00:01; xenbr1 00:16:3e:41:00:02)\n",
    );
  });

  it("exits 1 with located diagnostics on stderr for a broken file", async () => {
    const r = await runCli(["parse", "samples/broken/unquoted-vif.cfg"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^samples\/broken\/unquoted-vif\.cfg:4:8: error: expected a quoted vif entry/);
    expect(r.stderr).toContain("    |        ^~~~");
  });

  it("warnings alone (xm Python) do not fail", async () => {
    const r = await runCli(["parse", "../shared/corpus/xen/xmexample2.xen-3.0.0"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("[xm-python]");
  });

  it("--json prints the typed view; --type forces the format", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-parse-"));
    writeFileSync(join(dir, "net"), "(network-script 'network-bridge netdev=eth1')\n");
    const r = await runCli(["parse", "--json", "--type", "sxp", join(dir, "net")]);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view.kind).toBe("xend");
    expect(view.networkScript).toEqual({ script: "network-bridge", args: { netdev: "eth1" }, quoted: true, ignored: [] });
  });

  it("binary input gets one encoding diagnostic, not garbage", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-parse-"));
    writeFileSync(join(dir, "disk.img"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    writeFileSync(join(dir, "latin1.cfg"), Buffer.from('name = "caf\xe9"\n', "latin1"));
    const r = await runCli(["parse", join(dir, "disk.img"), join(dir, "latin1.cfg")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("disk.img:1:5: error: this is a binary file, not a config file (NUL byte at offset 4) [encoding]");
    expect(r.stderr).toContain("latin1.cfg:1:12: error: not valid UTF-8: byte 0xe9 at offset 11 (save the file as UTF-8) [encoding]");
  });

  it("says in words why a named file cannot be read, and that a folder is for lint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-parse-"));
    symlinkSync("loop", join(dir, "loop"));
    for (const cmd of ["parse", "fmt"]) {
      const r = await runCli([cmd, ".", "nope.cfg", "loop"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "xencfg: cannot read .: it is a folder; name the files in it (xencfg lint reads /etc/xen-like folders)\n" +
          "xencfg: cannot read nope.cfg: no such file\n" +
          "xencfg: cannot read loop: too many levels of symbolic links (a symlink loop?)\n",
      );
    }
  });

  it("exits 2 for a missing file and for usage errors", async () => {
    expect((await runCli(["parse", "no/such.cfg"])).code).toBe(2);
    const bad = await runCli(["parse", "--type", "yaml", "x.cfg"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid values|Choices/);
    expect((await runCli([])).code).toBe(2);
  });

  it("quotes at most a short piece of a very long unexpected word in a message (the code frame shows where)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-parse-"));
    const long = "a".repeat(50_000);
    writeFileSync(join(dir, "entry.cfg"), `vif = [ mac=${long}' ]\n`);
    writeFileSync(join(dir, "trailing.cfg"), `name = "a" ${long}\n`);
    const r = await runCli(["parse", "entry.cfg", "trailing.cfg"], { cwd: dir });
    const heads = r.stderr.split("\n").filter((l) => /^\w+\.cfg:\d+:\d+: /.test(l));
    expect(heads).toHaveLength(2);
    for (const head of heads) expect(head.length).toBeLessThan(300);
    expect(heads[0]).toMatch(/^entry\.cfg:1:9: error: expected a quoted vif entry, found mac=a{20,}… \(the opening quote is missing\) \[syntax\]$/);
    expect(heads[1]).toMatch(/^trailing\.cfg:1:12: error: unexpected 'a{20,}…' after the value; /);
  });

  it("quotes at most a short piece of a very long unquoted value or bad number, without a 'write' hint it cannot give", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-parse-"));
    writeFileSync(join(dir, "bare.cfg"), `name = ${"x".repeat(100_000)}\nmemory = 1${"k".repeat(100_000)}\nshort = abc\n`);
    const r = await runCli(["parse", "bare.cfg"], { cwd: dir });
    const heads = r.stderr.split("\n").filter((l) => /^bare\.cfg:\d+:\d+: /.test(l));
    expect(heads).toHaveLength(3);
    expect(heads[0]).toMatch(/^bare\.cfg:1:8: error: expected a quoted string, found x{60}… \[syntax\]$/);
    expect(heads[1]).toMatch(/^bare\.cfg:2:10: error: '1k{59}…' is not a number xl reads/);
    expect(heads[2]).toBe("bare.cfg:3:9: error: expected a quoted string, found abc (write 'abc') [syntax]");
  });

  it("does not count a byte order mark as a column: positions and carets match what an editor shows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-parse-"));
    writeFileSync(join(dir, "bom.cfg"), '\ufeffvif = [ "bridge=xenbr0 ]\n');
    writeFileSync(join(dir, "bom.sxp"), "\ufeff(network-script network-bridge))\n");
    const r = await runCli(["parse", "bom.cfg", "bom.sxp"], { cwd: dir });
    // One cause, one message: the string swallowed the ']', so only the string is reported.
    expect(r.stderr).toContain("bom.cfg:1:9: error: unterminated string");
    expect(r.stderr).toContain('  1 | vif = [ "bridge=xenbr0 ]\n    |         ^~~~~~~~~~~~~~~~\n');
    expect(r.stderr).not.toContain("never closed");
    expect(r.stderr).toContain("bom.sxp:1:32: error: unexpected ')'");
  });

  it("colours diagnostics only when stderr (where they go) is a terminal and NO_COLOR is not set", async () => {
    const file = "samples/broken/missing-bracket.cfg";
    const ESC = "\x1b[";
    expect((await runCli(["parse", file], { isTTY: false, stderrIsTTY: true })).stderr).toContain(ESC);
    expect((await runCli(["parse", file], { isTTY: true, stderrIsTTY: false })).stderr).not.toContain(ESC);
    expect((await runCli(["parse", file], { isTTY: true, stderrIsTTY: true, env: { NO_COLOR: "1" } })).stderr).not.toContain(ESC);
    expect((await runCli(["fmt", file], { isTTY: true, stderrIsTTY: true, env: { NO_COLOR: "1" } })).stderr).not.toContain(ESC);
    expect((await runCli(["fmt", file], { isTTY: false, stderrIsTTY: true })).stderr).toContain(ESC);
  });
});

describe("the built bin", () => {
  it("--version and --help work and the exit codes reach the shell", () => {
    const bin = join(ROOT, "bin", "xencfg.js");
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim()).toBe(VERSION);
    expect(execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" })).toContain("xencfg parse");
    const broken = spawnSync(process.execPath, [bin, "parse", "samples/broken/missing-bracket.cfg"], { cwd: ROOT, encoding: "utf8" });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("'[' is never closed");
  });

  it("package.json and the built-in version agree", async () => {
    const pkg = JSON.parse((await import("node:fs")).readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.version).toBe(VERSION);
  });
});
