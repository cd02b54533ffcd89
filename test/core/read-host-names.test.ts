import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHosts } from "../../src/host/read-host.js";

// Versioned or suffixed S-expression files (`xend-config.sxp.xen-3.0.0`, `xend-pci-quirks.sxp.xen-4.0.0`):
// named on the command line they are xend files, as `xencfg parse` reads them; found in a folder they are
// not guests.
describe("readHosts and *.sxp.* names", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "xencfg-names-"));
    await mkdir(join(dir, "xen"));
    await writeFile(join(dir, "xen", "xend-pci-quirks.sxp.xen-4.0.0"), "(pci-quirks ())\n");
    await writeFile(join(dir, "xen", "xend-config.sxp.xen-3.0.0"), "(network-script network-bridge)\n");
    await writeFile(join(dir, "xen", "web1.cfg"), "name = 'web1'\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("skips them in a folder instead of parsing them as guests", async () => {
    const read = await readHosts(["xen"], { cwd: dir });
    expect(read.trees[0]!.guests.map((g) => g.file)).toEqual([join("xen", "web1.cfg")]);
    expect(read.skipped.map((s) => s.reason)).toEqual(["xend config", "xend config"]);
  });

  it("reads one named on the command line as an xend config", async () => {
    const read = await readHosts([join("xen", "xend-config.sxp.xen-3.0.0")], { cwd: dir });
    expect(read.trees[0]!.xend?.networkScript?.script).toBe("network-bridge");
    expect(read.trees[0]!.guests).toEqual([]);
  });
});
