import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "./io.js";

/**
 * The host root apply, rollback and confirm act on, once it is known to be an existing folder. They keep
 * their lock and journal under ROOT/var/lib/xencfg and create that when it is missing, so a mistyped
 * --root became a new folder tree on the host (and one naming a file, an internal error).
 * `label` names where the root came from in the message, such as `--root /srv/hv1`.
 */
export async function existingHostRoot(cwd: string, root: string, label = `--root ${root}`): Promise<string> {
  const path = resolve(cwd, root);
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${label}: ${code === "ENOENT" || code === "ENOTDIR" ? "no such folder" : `cannot read it (${code ?? (err as Error).message})`}`);
  }
  if (!isFolder) throw new UsageError(`${label}: not a folder`);
  return path;
}
