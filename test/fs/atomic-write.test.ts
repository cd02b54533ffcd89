import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/fs/atomic-write.js";

const fresh = () => mkdtempSync(join(tmpdir(), "xencfg-atomic-"));

describe("writeFileAtomic", () => {
  it("creates a new file with the given mode, exactly (umask does not apply)", async () => {
    const dir = fresh();
    const file = join(dir, "network-wrapper");
    await writeFileAtomic(file, "#!/bin/sh\n", { mode: 0o755 });
    expect(readFileSync(file, "utf8")).toBe("#!/bin/sh\n");
    expect(statSync(file).mode & 0o7777).toBe(0o755);
    expect(readdirSync(dir)).toEqual(["network-wrapper"]);
  });

  it("creates a new file without a mode as a plain write would (0666 minus umask)", async () => {
    const dir = fresh();
    const umask = process.umask(0o022);
    try {
      await writeFileAtomic(join(dir, "a"), "x");
      expect(statSync(join(dir, "a")).mode & 0o777).toBe(0o644);
    } finally {
      process.umask(umask);
    }
  });

  it("replaces an existing file and keeps its mode unless told otherwise", async () => {
    const dir = fresh();
    const file = join(dir, "web.cfg");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    await writeFileAtomic(file, Buffer.from("new\n"));
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    // A new inode: readers that had the old file open keep reading the whole old file.
    expect(statSync(file).ino).not.toBe(inode);
    await writeFileAtomic(file, "newer\n", { mode: 0o600 });
    expect(statSync(file).mode & 0o7777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["web.cfg"]);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps an existing file's owner and group (as root)", async () => {
    const dir = fresh();
    const file = join(dir, "owned");
    writeFileSync(file, "old\n");
    chownSync(file, 1234, 5678);
    chmodSync(file, 0o2750);
    await writeFileAtomic(file, "new\n");
    const st = statSync(file);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([1234, 5678, 0o2750]);
  });

  it("follows a symlink and keeps it (guests in /etc/xen/auto are links)", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "web.cfg"), "old\n");
    symlinkSync("web.cfg", join(dir, "link.cfg"));
    await writeFileAtomic(join(dir, "link.cfg"), "new\n");
    expect(lstatSync(join(dir, "link.cfg")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.cfg"))).toBe("web.cfg");
    expect(readFileSync(join(dir, "web.cfg"), "utf8")).toBe("new\n");
  });

  it("leaves the old file and no temporary file when it fails", async () => {
    const dir = fresh();
    await expect(writeFileAtomic(join(dir, "missing", "x"), "data")).rejects.toThrow(/ENOENT/);
    writeFileSync(join(dir, "keep"), "old\n");
    await expect(writeFileAtomic(dir, "data")).rejects.toThrow(/not a regular file/);
    expect(readFileSync(join(dir, "keep"), "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["keep"]);
  });

  // The failure that matters: the temporary file exists and is half written when the disk fills up.
  // A 64 KiB tmpfs makes that happen for real (mounting needs root, which the test machines have).
  it.skipIf(process.getuid?.() !== 0)("a full disk mid-write leaves the old file whole and no temporary file", async () => {
    const dir = fresh();
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "xencfg-test", dir]);
    try {
      writeFileSync(join(dir, "web.cfg"), "old\n");
      await expect(writeFileAtomic(join(dir, "web.cfg"), "x".repeat(1 << 20))).rejects.toThrow(/ENOSPC/);
      expect(readFileSync(join(dir, "web.cfg"), "utf8")).toBe("old\n");
      expect(readdirSync(dir)).toEqual(["web.cfg"]);
    } finally {
      execFileSync("umount", [dir]);
    }
  });
});
