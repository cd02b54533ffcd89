import { mkdtempSync, readFileSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { CORPUS } from "../core/corpus-files.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "xencfg-fmt-"));
}

const MESSY = "name='web1'\nvif=['mac=00:16:3E:0A:1B:2C,bridge=xenbr0']\n";
const CLEAN = "name = 'web1'\nvif = [ 'mac=00:16:3e:0a:1b:2c,bridge=xenbr0' ]\n";

describe("xencfg fmt", () => {
  it("prints the formatted files to stdout and changes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "web1.cfg"), MESSY);
    writeFileSync(join(dir, "xend-config.sxp"), "(xend-port    8000)\n");
    const r = await runCli(["fmt", "web1.cfg", "xend-config.sxp"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: CLEAN + "(xend-port 8000)\n", stderr: "" });
    expect(readFileSync(join(dir, "web1.cfg"), "utf8")).toBe(MESSY);
  });

  it("--check lists the unformatted files and exits 1; 0 when all are formatted", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.cfg"), MESSY);
    writeFileSync(join(dir, "b.cfg"), CLEAN);
    writeFileSync(join(dir, "c.cfg"), "memory=1\n");
    const r = await runCli(["fmt", "--check", "a.cfg", "b.cfg", "c.cfg"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("a.cfg\nc.cfg\n");
    expect(r.stderr).toBe("xencfg: 2 files are not formatted; run xencfg fmt --write to format them\n");
    expect(readFileSync(join(dir, "a.cfg"), "utf8")).toBe(MESSY);
    expect(await runCli(["fmt", "--check", "b.cfg"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--write rewrites only unformatted files, keeps their mode, and lists them", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.cfg"), MESSY, { mode: 0o640 });
    writeFileSync(join(dir, "b.cfg"), CLEAN);
    const untouched = statSync(join(dir, "b.cfg")).ino;
    const r = await runCli(["fmt", "--write", "a.cfg", "b.cfg"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "a.cfg\n", stderr: "" });
    expect(readFileSync(join(dir, "a.cfg"), "utf8")).toBe(CLEAN);
    expect(statSync(join(dir, "a.cfg")).mode & 0o777).toBe(0o640);
    // Not rewritten: the atomic write would have replaced the inode.
    expect(statSync(join(dir, "b.cfg")).ino).toBe(untouched);
    expect((await runCli(["fmt", "--check", "a.cfg"], { cwd: dir })).code).toBe(0);
  });

  it("a file with errors gets every located diagnostic, exit 1, and is left untouched; the others are still written", async () => {
    const dir = tempDir();
    const broken = "name = 'web1\nvif = [ 'bridge=xenbr0'\nmemory=512\n";
    writeFileSync(join(dir, "broken.cfg"), broken);
    writeFileSync(join(dir, "ok.cfg"), MESSY);
    const r = await runCli(["fmt", "--write", "broken.cfg", "ok.cfg"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^broken\.cfg:1:8: error: .*\[syntax\]\n/);
    expect(r.stderr).toMatch(/\nbroken\.cfg:2:7: error: '\[' is never closed.*\[syntax\]\n/);
    expect(r.stderr).toContain("xencfg: broken.cfg not formatted: fix the 2 syntax problems first\n");
    expect(readFileSync(join(dir, "broken.cfg"), "utf8")).toBe(broken);
    expect(r.stdout).toBe("ok.cfg\n");
    expect(readFileSync(join(dir, "ok.cfg"), "utf8")).toBe(CLEAN);
  });

  it("xm Python is not an error: kept verbatim, the rest formatted", async () => {
    const dir = tempDir();
    copyFileSync(join(CORPUS, "xen", "xmexample3.xen-3.0.0"), join(dir, "xmexample3"));
    const r = await runCli(["fmt", "--type", "domain", "xmexample3"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\ndef vmid_check(var, val):\n    val = int(val)\n");
    expect(r.stdout).toContain('\ncpus = "%s" % vmid # set based on vmid (mod number of CPUs)\n');
    expect(r.stdout).toContain('\nvif = [ \'ip=192.168.%d.1/24\' % (vmid)]\n');
  });

  it("--write converts line endings as endOfLine says, also inside xm Python and multi-line sxp strings", async () => {
    const dir = tempDir();
    // A CRLF file, Prettier's default endOfLine "lf": every line break becomes LF.
    writeFileSync(join(dir, "xm.cfg"), "def f():\r\n    return 1\r\nb=1\r\n");
    writeFileSync(join(dir, "xend-config.sxp"), "(a 'multi\r\nline')\r\n(b   c)\r\n");
    const r = await runCli(["fmt", "--write", "xm.cfg", "xend-config.sxp"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "xm.cfg\nxend-config.sxp\n", stderr: "" });
    expect(readFileSync(join(dir, "xm.cfg"), "utf8")).toBe("def f():\n    return 1\nb = 1\n");
    expect(readFileSync(join(dir, "xend-config.sxp"), "utf8")).toBe("(a 'multi\nline')\n(b c)\n");
  });

  it("--write with endOfLine crlf from the Prettier configuration formats xm files of the corpus", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ endOfLine: "crlf" }));
    copyFileSync(join(CORPUS, "xen", "xmexample2.xen-3.0.0"), join(dir, "xmexample2.cfg"));
    const r = await runCli(["fmt", "--write", "xmexample2.cfg"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "xmexample2.cfg\n", stderr: "" });
    const out = readFileSync(join(dir, "xmexample2.cfg"), "utf8");
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out).toContain("\r\ndef vmid_check(var, val):\r\n    val = int(val)\r\n");
    expect((await runCli(["fmt", "--check", "xmexample2.cfg"], { cwd: dir })).code).toBe(0);
  });

  it("refuses a file with a lone CR, which Prettier would turn into a line break, and leaves it alone", async () => {
    const dir = tempDir();
    // To xend and xl the comment runs on past the CR, so (d e) is commented out; as a line break it is not.
    const sxp = "(a b) # c\r(d e)\n";
    const cfg = "name = 'x'\nmemory=1 # 512\rvcpus=2\n";
    writeFileSync(join(dir, "xend-config.sxp"), sxp);
    writeFileSync(join(dir, "web1.cfg"), cfg);
    for (const mode of ["--write", "--check", undefined]) {
      const r = await runCli(["fmt", ...(mode ? [mode] : []), "xend-config.sxp", "web1.cfg"], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^xend-config\.sxp:1:10: error: a carriage return \(CR\) that does not end a CRLF line break/);
      expect(r.stderr).toMatch(/\nweb1\.cfg:2:15: error: a carriage return \(CR\)/);
      expect(r.stderr).toContain("xencfg: web1.cfg not formatted");
      expect(r.stderr).not.toContain("internal error");
    }
    expect(readFileSync(join(dir, "xend-config.sxp"), "utf8")).toBe(sxp);
    expect(readFileSync(join(dir, "web1.cfg"), "utf8")).toBe(cfg);
  });

  it("endOfLine cr in the Prettier configuration is refused with exit 2; nothing is written", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ endOfLine: "cr" }));
    writeFileSync(join(dir, "a.cfg"), "a=1\nb=2\n");
    writeFileSync(join(dir, "xend-config.sxp"), "(a   b)\n(c d)\n");
    const r = await runCli(["fmt", "--write", "a.cfg", "xend-config.sxp"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('xencfg: cannot format a.cfg: endOfLine "cr"');
    expect(r.stderr).toContain('xencfg: cannot format xend-config.sxp: endOfLine "cr"');
    expect(r.stderr).not.toContain("internal error");
    expect(readFileSync(join(dir, "a.cfg"), "utf8")).toBe("a=1\nb=2\n");
    expect(readFileSync(join(dir, "xend-config.sxp"), "utf8")).toBe("(a   b)\n(c d)\n");
  });

  it("--type sxp for a file whose name says nothing; --quote double", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "net"), "(network-script 'network-bridge netdev=eth1')\n");
    const r = await runCli(["fmt", "--type", "sxp", "--quote", "double", "net"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '(network-script "network-bridge netdev=eth1")\n', stderr: "" });
  });

  it("takes printWidth, tabWidth and xenQuote from the Prettier configuration of the file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ printWidth: 30, tabWidth: 4, xenQuote: "double" }));
    writeFileSync(join(dir, "web1.cfg"), "vif = [ 'bridge=xenbr0', 'bridge=xenbr1' ]\n");
    const r = await runCli(["fmt", "web1.cfg"], { cwd: dir });
    expect(r.stdout).toBe('vif = [\n    "bridge=xenbr0",\n    "bridge=xenbr1",\n]\n');
    // The command line wins over the configuration file.
    expect((await runCli(["fmt", "--quote", "single", "web1.cfg"], { cwd: dir })).stdout).toContain("'bridge=xenbr0'");
  });

  it("exit 2 for an unreadable file or --check with --write", async () => {
    const dir = tempDir();
    const missing = await runCli(["fmt", "nope.cfg"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("xencfg: cannot read nope.cfg: no such file\n");
    const both = await runCli(["fmt", "--check", "--write", "nope.cfg"], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--check and --write do not go together");
  });

  it("a binary file gets the encoding diagnostic and exit 1", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "disk.cfg"), Buffer.from([0x6e, 0x61, 0x00, 0x01]));
    const r = await runCli(["fmt", "--write", "disk.cfg"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^disk\.cfg:1:3: error: this is a binary file/);
  });
});
