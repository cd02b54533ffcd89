import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { ROOT } from "../core/corpus-files.js";

// Most CLI tests drive src/cli/main.ts in-process. Users run the esbuild bundle through its code cache
// (bin/xencfg.js), which resolves prettier through its CommonJS entry and rewrites import.meta: every
// command is run both ways here, and the two must agree byte for byte.
const BIN = join(ROOT, "bin", "xencfg.js");
const emptyRoot = mkdtempSync(join(tmpdir(), "xencfg-built-"));

const COMMAND_LINES: string[][] = [
  ["--version"],
  ["--help"],
  ["lint", "--help"],
  ["rules"],
  ["rules", "--format", "json"],
  ["parse", "samples/two-nic/etc/xen/xend-config.sxp", "samples/two-nic/etc/xen/front1.cfg", "samples/broken/unquoted-vif.cfg"],
  ["parse", "--json", "samples/single-nic/etc/xen/xend-config.sxp"],
  ["lint", "samples"],
  ["lint", "--format", "sarif", "samples/article-host/etc/xen"],
  ["fmt", "--check", "samples/two-nic/etc/xen/front1.cfg", "samples/two-nic/etc/xen/xend-config.sxp"],
  ["fmt", "samples/single-nic/etc/xen/xend-config.sxp"],
  ["mac", "--for", "web1", "--for", "db1.2"],
  ["fix", "--assign-macs", "samples/article-host/etc/xen"],
  ["wrapper", "--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1", "--xen", "4.1"],
  ["migrate", "--root", "samples/single-nic", "--bridge", "xenbr1=eth1", "--move", "db1.1=xenbr1"],
  ["rollback", "--root", emptyRoot],
  ["lint", "--no-such-option", "samples"],
];

describe("the built CLI (bundle and code cache) agrees with the source", () => {
  it.each(COMMAND_LINES.map((argv) => [argv.join(" "), argv]))("xencfg %s", async (_, argv) => {
    const inProcess = await runCli(argv as string[]);
    const built = spawnSync(process.execPath, [BIN, ...(argv as string[])], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
    });
    expect({ code: built.status, stdout: built.stdout, stderr: built.stderr }).toEqual(inProcess);
  });
});

describe("yargs' own messages", () => {
  // yargs translates its usage errors and --help headings from LANG; every other message is English,
  // and the bundled CLI carries no translation files.
  it("are English under any locale, from the source and from the built CLI", async () => {
    const saved = process.env.LANG;
    process.env.LANG = "de_DE.UTF-8";
    try {
      const inProcess = await runCli(["lint", "--no-such-option", "samples"]);
      expect(inProcess.stderr).toContain("Unknown arguments: such-option");
    } finally {
      if (saved === undefined) delete process.env.LANG;
      else process.env.LANG = saved;
    }
    const built = spawnSync(process.execPath, [BIN, "lint", "--no-such-option", "samples"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "de_DE.UTF-8" },
    });
    expect(built.stderr).toContain("Unknown arguments: such-option");
  });
});
