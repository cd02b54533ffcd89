import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../core/corpus-files.js";
import { runCli } from "./run-cli.js";
import { expectGolden } from "../golden-file.js";

const CASES = join(ROOT, "test/fixtures/fix-assign-macs");

describe("xencfg fix --assign-macs golden cases", () => {
  const cases = readdirSync(CASES).sort();
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(3));

  it.each(cases)("%s", async (name) => {
    const { paths } = JSON.parse(readFileSync(join(CASES, name, "args.json"), "utf8")) as { paths: string[] };
    const r = await runCli(["fix", "--assign-macs", ...paths]);
    await expectGolden(r.stdout, join(CASES, name, "stdout.diff"));
    await expectGolden(`exit ${r.code}\n${r.stderr}`, join(CASES, name, "stderr.txt"));
  });
});

describe("xencfg fix --assign-macs", () => {
  const copyHost = () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-fix-"));
    cpSync(join(CASES, "host-collision/host"), dir, { recursive: true });
    return dir;
  };

  it("--write writes exactly what the dry run showed, changes only vif strings, and a second run finds nothing", async () => {
    const dir = copyHost();
    const before = readFileSync(join(dir, "web.cfg"), "utf8");
    const dry = await runCli(["fix", "--assign-macs", "."], { cwd: dir });
    expect(dry.code).toBe(1);
    expect(readFileSync(join(dir, "web.cfg"), "utf8")).toBe(before);

    const wet = await runCli(["fix", "--assign-macs", "--write", "."], { cwd: dir });
    expect(wet.code).toBe(0);
    expect(wet.stdout).toBe(dry.stdout);
    expect(wet.stderr).toMatch(/gave 4 interfaces in 2 files a mac=\n$/);
    expect(readFileSync(join(dir, "web.cfg"), "utf8")).toBe(
      "# web: two interfaces, neither with a fixed address yet.\n" +
        'name = "web"\n' +
        "memory = 1024\n" +
        "vif = [ 'bridge=xenbr0, mac=00:16:3e:07:62:f9', 'mac=00:16:3e:48:ed:d5' ]   # front, back\n",
    );
    // CRLF kept, both statements edited in place.
    expect(readFileSync(join(dir, "auto/app.cfg"), "latin1")).toMatch(
      /^name = "app"\r\nvif = \[ "bridge=xenbr0,script=vif-bridge,mac=00:16:3e:[0-9a-f:]{8}" \]\r\nvif \+= \[ "bridge=xenbr1, ?mac=00:16:3e:[0-9a-f:]{8}" \]\r\n$/,
    );

    const again = await runCli(["fix", "--assign-macs", "."], { cwd: dir });
    expect(again.stdout).toBe("");
    // The skipped files are still reported; nothing else is left to do.
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing it can change; 3 skipped files still have vifs without mac= \(see above\)\n$/);
  });

  it("names files given by absolute path git-style in the diff (a/etc/xen/..., not a//etc/xen/...)", async () => {
    const dir = copyHost();
    const r = await runCli(["fix", "--assign-macs", join(dir, "web.cfg")]);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([`--- a${join(dir, "web.cfg")}`, `+++ b${join(dir, "web.cfg")}`]);
  });

  it("is deterministic: the same host gives the same edits on every run", async () => {
    const a = await runCli(["fix", "--assign-macs", "test/fixtures/fix-assign-macs/host-collision/host"]);
    const b = await runCli(["fix", "--assign-macs", "test/fixtures/fix-assign-macs/host-collision/host"]);
    expect(b.stdout).toBe(a.stdout);
  });

  it("says when it found no guest file at all, rather than that every vif has a mac=", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xencfg-fix-"));
    const r = await runCli(["fix", "--assign-macs", dir]);
    expect(r.stderr).toBe(`xencfg fix: no guest file found in ${dir}; nothing to change\n`);
    expect(r.code).toBe(0);
  });

  it("does not claim every vif has a mac= when a skipped file still has one without", async () => {
    const dir = copyHost();
    const r = await runCli(["fix", "--assign-macs", join(dir, "broken.cfg")]);
    expect(r.stderr).toContain("[mac-not-assigned]");
    expect(r.stderr).not.toContain("every vif read has a mac=");
    expect(r.stderr).toMatch(/xencfg fix: nothing it can change; 1 skipped file still has vifs without mac= \(see above\)\n$/);
    expect(r.code).toBe(0);
  });

  it.each([
    [["fix", "web.cfg"], /name a fix: --assign-macs/],
    [["fix", "--assign-macs"], /name the guest files|Not enough non-option arguments/],
    [["fix", "--assign-macs", "/nonexistent/xen"], /cannot read: no such file or folder/],
  ])("%j exits 2", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
