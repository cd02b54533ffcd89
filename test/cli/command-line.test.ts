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
});
