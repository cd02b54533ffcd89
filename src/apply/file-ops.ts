import { chown, lstat, mkdir, readFile, rmdir, unlink } from "node:fs/promises";
import { realpathSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { rootResolver } from "../host/resolve-in-root.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { checkPlanPath } from "../plan/plan-json.js";
import { contentHash } from "../plan/hash.js";
import type { FileUndo } from "./journal.js";

/**
 * Where a plan's host path lives under the apply root. The plan parser already limits paths to /etc/xen/.
 * Links on the way resolve inside the root, as on the host whose root it is and as migrate read them
 * (resolveInRoot): in a copy or mounted image, etc/xen/scripts -> /srv/xen-scripts must lead to
 * ROOT/srv/xen-scripts, not to this machine's /srv, which the atomic writer would otherwise follow.
 */
export function hostPath(root: string, path: string): string {
  const problem = checkPlanPath(path);
  if (problem) throw new Error(`plan path ${JSON.stringify(path)} ${problem}`);
  const base = resolve(root);
  const full = resolve(base, `.${path}`);
  if (!full.startsWith(base === sep ? sep : base + sep)) throw new Error(`${path} escapes the root ${root}`);
  const inRoot = rootResolver(root)(full);
  if (inRoot === undefined) return full;
  // resolveInRoot answers under the root's real path; keep the root as given, which the callers' checks use.
  return join(base, relative(realpathSync.native(base), inRoot));
}

export interface CurrentFile {
  content: Buffer | null;
  hash: string | null;
  mode: number | null;
  uid: number | null;
  gid: number | null;
}

/**
 * Reads a file the plan will write. A symbolic link is refused: under --root an absolute link such as
 * /etc/xen/auto/db1 -> /etc/xen/db1.cfg would lead out of the root to the real host's file; the planner
 * names the file a link points to instead.
 */
export async function readCurrentFile(full: string): Promise<CurrentFile> {
  let st;
  try {
    st = await lstat(full);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { content: null, hash: null, mode: null, uid: null, gid: null };
    throw err;
  }
  if (st.isSymbolicLink()) throw new Error(`${full} is a symbolic link; plan the file it points to`);
  if (!st.isFile()) throw new Error(`${full} is not a regular file`);
  const content = await readFile(full);
  return { content, hash: contentHash(content), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
}

/**
 * The folders between the apply root and `full`'s folder that do not exist yet, as host paths, outermost
 * first: what writing `full` will create, so that undoing it can remove them again.
 */
export async function missingDirs(root: string, full: string): Promise<string[]> {
  const base = resolve(root);
  const missing: string[] = [];
  for (let dir = dirname(full); dir !== base && dir.startsWith(base === sep ? sep : base + sep); dir = dirname(dir)) {
    try {
      await lstat(dir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      missing.unshift(`/${relative(base, dir).split(sep).join("/")}`);
    }
  }
  return missing;
}

/**
 * Keeps the old bytes in the run's backup folder (0600, outside every folder Xen reads) and returns what
 * restores them; called before the file is replaced. `createdDirs` are the folders writing it will create.
 */
export async function backUpFile(path: string, current: CurrentFile, newContent: string, backupDir: string, backupName: string, createdDirs: string[] = []): Promise<FileUndo> {
  const undo: FileUndo = {
    kind: "file-restore",
    path,
    backup: current.content === null ? null : backupName,
    mode: current.mode,
    uid: current.uid,
    gid: current.gid,
    oldHash: current.hash,
    newHash: contentHash(newContent),
    ...(createdDirs.length > 0 ? { createdDirs } : {}),
  };
  // fsynced like the file itself: after a power cut the journal must not point at a backup that never hit the disk.
  if (current.content !== null) await writeFileAtomic(join(backupDir, backupName), current.content, { mode: 0o600 });
  return undo;
}

/**
 * Replaces the file atomically (temp file in the same folder, fsync, rename), keeping its mode and owner;
 * a new file gets the planned mode.
 */
export async function replaceFile(full: string, current: CurrentFile, newContent: string, newMode: number): Promise<void> {
  await mkdir(dirname(full), { recursive: true, mode: 0o755 });
  // writeFileAtomic keeps an existing file's owner and mode by itself.
  await writeFileAtomic(full, newContent, current.content === null ? { mode: newMode } : {});
}

/** Puts a file back as the journal recorded it; does nothing when it already is. */
export async function restoreFile(root: string, backupDir: string, undo: FileUndo): Promise<boolean> {
  const full = hostPath(root, undo.path);
  const current = await readCurrentFile(full);
  if (undo.backup === null) {
    const removed = current.content !== null;
    if (removed) await unlink(full);
    return (await removeCreatedDirs(root, undo.createdDirs ?? [])) || removed;
  }
  if (current.hash === undo.oldHash) return false;
  const old = await readFile(join(backupDir, undo.backup));
  await mkdir(dirname(full), { recursive: true, mode: 0o755 });
  await writeFileAtomic(full, old, { mode: undo.mode ?? 0o644 });
  if (undo.uid !== null && undo.gid !== null && current.content === null) await chown(full, undo.uid, undo.gid);
  return true;
}

/**
 * Removes the folders a step created, innermost first, as long as they are empty: a file someone else put
 * there since keeps its folder (and the folders around it). Returns whether any folder was removed.
 */
async function removeCreatedDirs(root: string, dirs: readonly string[]): Promise<boolean> {
  const base = resolve(root);
  let removed = false;
  for (let i = dirs.length - 1; i >= 0; i--) {
    const full = resolve(base, `.${dirs[i]}`);
    // The journal is xencfg's own, but a path from it must still stay inside the root it names.
    if (!full.startsWith(base === sep ? sep : base + sep)) throw new Error(`${dirs[i]} escapes the root ${root}`);
    try {
      await rmdir(full);
      removed = true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST") return removed;
      if (code !== "ENOENT") throw err;
    }
  }
  return removed;
}
