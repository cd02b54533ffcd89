import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHosts } from "../../src/host/read-host.js";

// A host folder as real ones look: guests beside Xen's own files, xendomains' symlinks in auto/, and the
// leftovers that editors and package managers leave.
describe("readHosts on an /etc/xen-like folder", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "xencfg-host-"));
    const xen = join(root, "etc", "xen");
    await mkdir(join(xen, "auto"), { recursive: true });
    await mkdir(join(xen, "scripts"));
    await writeFile(join(xen, "xend-config.sxp"), "(network-script network-wrapper)\n");
    await writeFile(join(xen, "xl.conf"), 'vif.default.bridge = "xenbr0"\n');
    await writeFile(join(xen, "web1.cfg"), "name = 'web1'\nvif = [ 'bridge=xenbr0' ]\n");
    await writeFile(join(xen, "db1.cfg"), "name = 'db1'\n");
    await symlink("../db1.cfg", join(xen, "auto", "db1.cfg"));
    await writeFile(join(xen, "auto", "mail"), "name = 'mail'\n");
    for (const leftover of ["web1.cfg~", "web1.cfg.bak", "db1.cfg.rpmnew", "db1.cfg.dpkg-old", ".web1.cfg.swp", "old.cfg.disabled"]) {
      await writeFile(join(xen, leftover), "name = 'web1'\n");
    }
    await writeFile(join(xen, "helper"), "#!/bin/sh\nexit 0\n");
    await writeFile(join(xen, "disk.img"), Buffer.from([1, 0, 2, 3]));
    await writeFile(join(xen, "scripts", "network-wrapper"), "#!/bin/sh\nnetwork-bridge \"$@\" netdev=eth1 bridge=xenbr1\n");
    await writeFile(join(xen, "scripts", "vif-bridge"), "#!/bin/sh\n");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("finds the xend and xl configs, each guest once, and the scripts", async () => {
    const read = await readHosts(["etc/xen"], { cwd: root });
    expect(read.unreadable).toEqual([]);
    const [tree] = read.trees;
    expect(read.trees).toHaveLength(1);
    expect(tree!.xend?.networkScript?.script).toBe("network-wrapper");
    expect(tree!.xlConf?.value("vif.default.bridge")).toBe("xenbr0");
    expect(tree!.guests.map((g) => g.file).sort()).toEqual(["etc/xen/auto/mail", "etc/xen/db1.cfg", "etc/xen/web1.cfg"]);
    expect([...tree!.scripts.keys()]).toEqual(["network-wrapper", "vif-bridge"]);
    expect(tree!.scripts.get("network-wrapper")).toContain("bridge=xenbr1");
    expect(tree!.scriptsDir).toBe("etc/xen/scripts");
  });

  it("says why each other file was skipped", async () => {
    const read = await readHosts(["etc/xen"], { cwd: root });
    const why = Object.fromEntries(read.skipped.map((s) => [s.path.replace("etc/xen/", ""), s.reason]));
    expect(why).toEqual({
      ".web1.cfg.swp": "hidden file",
      "auto/db1.cfg": "same file as one already read (symlink)",
      "db1.cfg.dpkg-old": "package manager leftover",
      "db1.cfg.rpmnew": "package manager leftover",
      "disk.img": "binary file",
      "helper": "a script or program",
      "old.cfg.disabled": "parked or example copy",
      "web1.cfg.bak": "editor or backup copy",
      "web1.cfg~": "editor or backup copy",
    });
  });

  it("files named one by one form a tree of their own, and a missing path is an io diagnostic", async () => {
    const read = await readHosts(["etc/xen/web1.cfg", "etc/xen/nope.cfg"], { cwd: root });
    expect(read.trees).toHaveLength(1);
    expect(read.trees[0]!.dir).toBeUndefined();
    expect(read.trees[0]!.xend).toBeUndefined();
    expect(read.trees[0]!.guests.map((g) => g.guestName)).toEqual(["web1"]);
    expect(read.unreadable).toMatchObject([{ file: "etc/xen/nope.cfg", code: "io", message: "cannot read: no such file or folder" }]);
  });

  it("says a dangling link is one, and how to read a copy's absolute links as its host would", async () => {
    const copy = await mkdtemp(join(tmpdir(), "xencfg-copy-"));
    try {
      const xen = join(copy, "etc", "xen");
      await mkdir(join(xen, "auto"), { recursive: true });
      await writeFile(join(xen, "db1.cfg"), "name = 'db1'\n");
      // xendomains' usual link: absolute, so in a copy it leads to this machine's /etc/xen.
      await symlink("/etc/xen/no-such-guest-xencfg.cfg", join(xen, "auto", "db1.cfg"));
      await symlink("../gone.cfg", join(xen, "auto", "gone.cfg"));
      const read = await readHosts(["etc/xen"], { cwd: copy });
      expect(read.unreadable.map((d) => [d.file, d.message])).toEqual([
        ["etc/xen/auto/db1.cfg", "cannot read: it is a link to /etc/xen/no-such-guest-xencfg.cfg, which does not exist; in a copy of a host's /etc/xen, pass --root with the copy's root folder so links resolve inside it, as on the host"],
        ["etc/xen/auto/gone.cfg", "cannot read: it is a link to ../gone.cfg, which does not exist"],
      ]);
      const rooted = await readHosts(["etc/xen"], { cwd: copy, root: copy });
      expect(rooted.unreadable.map((d) => [d.file, d.message])).toEqual([
        ["etc/xen/auto/db1.cfg", "cannot read: it is a link to /etc/xen/no-such-guest-xencfg.cfg, which does not exist in the root"],
        ["etc/xen/auto/gone.cfg", "cannot read: it is a link to ../gone.cfg, which does not exist in the root"],
      ]);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
