import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { ROOT } from "../core/corpus-files.js";

// What every command shares: the command line is checked before the command does anything.
describe("xencfg command line", () => {
  it("a mistyped option stops the command before it runs: apply --dryrun changes nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "xencfg-cmdline-"));
    try {
      cpSync(join(ROOT, "samples/single-nic"), root, { recursive: true });
      const plan = join(root, "plan.json");
      expect((await runCli(["migrate", "--root", root, "--bridge", "xenbr1=eth1", "-o", plan])).code).toBe(0);
      const before = readFileSync(join(root, "etc/xen/xend-config.sxp"), "utf8");
      const r = await runCli(["apply", plan, "--root", root, "--yes", "--dryrun"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("xencfg: Unknown argument: dryrun\n");
      expect(r.stdout).toBe("");
      expect(readFileSync(join(root, "etc/xen/xend-config.sxp"), "utf8")).toBe(before);
      expect(existsSync(join(root, "var/lib/xencfg"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    [["mac", "--bogus"]],
    [["mac", "extra"]],
    [["parse", "samples/two-nic/etc/xen/front1.cfg", "--bogus"]],
    [["lint", "samples/two-nic/etc/xen", "--bogus"]],
  ])("%j prints only the usage error and exits 2", async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^xencfg: Unknown argument: (bogus|extra)\n$/);
  });

  it.each([[["fmt", "-"]], [["parse", "-", "samples/two-nic/etc/xen/front1.cfg"]], [["lint", "-"]]])(
    "%j: '-' is refused as standard input, not silently dropped",
    async (argv) => {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe("xencfg: '-' (standard input) is not supported: name the file to read\n");
    },
  );

  it("an option missing its value is refused: apply --confirm without SECONDS does not apply unguarded", async () => {
    const root = mkdtempSync(join(tmpdir(), "xencfg-cmdline-"));
    try {
      cpSync(join(ROOT, "samples/single-nic"), root, { recursive: true });
      const plan = join(root, "plan.json");
      expect((await runCli(["migrate", "--root", root, "--bridge", "xenbr1=eth1", "-o", plan])).code).toBe(0);
      const r = await runCli(["apply", plan, "--root", root, "--yes", "--confirm"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("xencfg: Not enough arguments following: confirm\n");
      expect(existsSync(join(root, "var/lib/xencfg"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    [["rollback", "--root"], "root"],
    [["confirm", "--root"], "root"],
    [["apply", "plan.json", "--dry-run", "--root"], "root"],
    [["migrate", "--root", "samples/single-nic", "--bridge", "xenbr1=eth1", "-o"], "o"],
    [["migrate", "--root", "samples/single-nic", "--bridge"], "bridge"],
    [["mac", "--avoid"], "avoid"],
    [["mac", "--for"], "for"],
    [["mac", "--count"], "count"],
    [["lint", "samples/two-nic/etc/xen", "--max-warnings"], "max-warnings"],
    [["lint", "samples/two-nic/etc/xen", "--format"], "format"],
    [["rules", "--format"], "format"],
    [["parse", "samples/two-nic/etc/xen/front1.cfg", "--type"], "type"],
    [["fmt", "samples/two-nic/etc/xen/front1.cfg", "--quote"], "quote"],
    [["wrapper", "--bridge", "xenbr0=eth0", "--xend-config"], "xend-config"],
    [["wrapper", "--bridge", "xenbr0=eth0", "--scripts-dir"], "scripts-dir"],
  ])("%j: a value option given no value is a usage error, not silently dropped", async (argv, option) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`xencfg: Not enough arguments following: ${option}\n`);
  });

  it("--xend-config '' still skips the check: an empty value is a value", async () => {
    const r = await runCli(["wrapper", "--bridge", "xenbr0=eth0", "--form", "iproute2", "--xend-config", ""]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#!\/bin\/sh/);
  });
});
