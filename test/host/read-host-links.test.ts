import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readHosts } from "../../src/host/read-host.js";

// readHosts takes a plain file's real path from its folder's and follows only symlinks (a stat and a
// realpath each): xendomains' auto/ links must still be read once, however the folder is reached.
function host(): string {
  const root = mkdtempSync(join(tmpdir(), "xencfg-links-"));
  const etc = join(root, "etc", "xen");
  mkdirSync(join(etc, "auto"), { recursive: true });
  mkdirSync(join(etc, "conf.d"));
  writeFileSync(join(etc, "web.cfg"), "name = 'web'\nvif = [ 'bridge=xenbr0' ]\n");
  writeFileSync(join(etc, "db.cfg"), "name = 'db'\n");
  symlinkSync("../web.cfg", join(etc, "auto", "web.cfg"));
  // An absolute link through the real path, while the tree below is read through a linked folder.
  symlinkSync(join(realpathSync(etc), "db.cfg"), join(etc, "auto", "db.cfg"));
  symlinkSync("conf.d", join(etc, "folder-link"));
  symlinkSync("missing.cfg", join(etc, "dangling.cfg"));
  symlinkSync(etc, join(root, "xen-link"));
  return root;
}

describe("readHosts and symlinks", () => {
  for (const via of ["etc/xen", "xen-link"]) {
    it(`reads each guest once when auto/ links to it (tree given as ${via})`, async () => {
      const root = host();
      const read = await readHosts([via], { cwd: root });
      expect(read.trees).toHaveLength(1);
      expect(read.trees[0]!.guests.map((g) => g.file)).toEqual([join(via, "db.cfg"), join(via, "web.cfg")]);
      expect(read.skipped).toEqual([
        { path: join(via, "auto", "db.cfg"), reason: "same file as one already read (symlink)" },
        { path: join(via, "auto", "web.cfg"), reason: "same file as one already read (symlink)" },
      ]);
      // A link to a folder is not a guest; a dangling link is reported where it is.
      expect(read.unreadable.map((d) => [d.file, d.code, d.message])).toEqual([[join(via, "dangling.cfg"), "io", "cannot read: it is a link to missing.cfg, which does not exist"]]);
    });
  }

  it("reads a file named on the command line once, also when its folder is named too", async () => {
    const root = host();
    const read = await readHosts(["etc/xen/web.cfg", "etc/xen"], { cwd: root });
    const files = read.trees.flatMap((t) => t.guests.map((g) => g.file));
    expect(files.filter((f) => f.endsWith("web.cfg"))).toEqual(["etc/xen/web.cfg"]);
    expect(read.skipped.map((s) => s.path)).toContain(join("etc/xen", "web.cfg"));
  });
});
