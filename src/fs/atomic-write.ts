import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export interface WriteFileAtomicOptions {
  /** Permission bits of the result (e.g. 0o755). Without it an existing file keeps its mode and a new
   *  one gets 0o666 minus the umask, as with a plain write. */
  mode?: number;
}

/**
 * Replaces the file at `path` with `data` so that a reader (or a crash, or a power cut) sees either the
 * whole old file or the whole new one, never a mix: writes a temporary file in the same folder, fsyncs
 * it, renames it over `path` and fsyncs the folder so the rename itself is on disk.
 *
 * - A symlink at `path` is followed: the file it points to is replaced and the link kept (/etc/xen/auto
 *   holds symlinks to guest files).
 * - An existing file's owner and group are kept (if they cannot be, e.g. not root, the write fails and
 *   the old file stays) and so is its mode unless `mode` is given.
 * - On any failure the temporary file is removed and the old file is untouched.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const target = await resolveTarget(path);
  const existing = await stat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  if (existing && !existing.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: "EISDIR" });

  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  // O_EXCL: never write through a file (or a symlink) someone else put at the temporary name.
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, existing || options.mode !== undefined ? 0o600 : 0o666);
  let renamed = false;
  try {
    await handle.writeFile(data);
    const mode = options.mode ?? (existing ? existing.mode & 0o7777 : undefined);
    if (existing && (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.())) {
      await handle.chown(existing.uid, existing.gid);
    }
    // chmod after chown: chown clears set-user-ID and set-group-ID bits.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
    renamed = true;
    await syncDirectory(dir);
  } finally {
    if (!renamed) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    }
  }
}

async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    // A new file (a dangling symlink is replaced by the file, not followed); its folder must exist.
    return join(await realpath(dirname(path)), basename(path));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
  try {
    await handle.sync();
  } catch (err) {
    // Some filesystems cannot fsync a directory; the rename has happened, so there is nothing to undo.
    if (!["EINVAL", "ENOTSUP", "EISDIR", "EPERM"].includes((err as NodeJS.ErrnoException).code ?? "")) throw err;
  } finally {
    await handle.close();
  }
}
