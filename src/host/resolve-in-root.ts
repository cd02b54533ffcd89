import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

/** Symlink hops before giving up, as the kernel's ELOOP limit. */
const MAX_HOPS = 40;

/**
 * The file `path` names as the host whose file-system root is `root` sees it: symlinks are followed
 * with their absolute targets taken from `root`, the way they resolve when that host runs (or inside a
 * chroot), and '..' never climbs above `root`. A copy or mounted image of another host's /etc/xen is full
 * of links such as auto/db1.cfg -> /etc/xen/db1.cfg; followed by this machine's rules they would read this
 * machine's files. A path that does not exist resolves as far as it does, and the rest as written.
 */
export function resolveInRoot(root: string, path: string): string {
  const base = realpathSync.native(root);
  const inside = relative(resolve(root), resolve(path));
  if (inside.startsWith("..") || inside.startsWith(sep)) throw new RangeError(`${path} is not under ${root}`);
  let rest = inside.split(sep).filter((c) => c !== "" && c !== ".");
  const done: string[] = [];
  let hops = 0;
  while (rest.length > 0) {
    const c = rest.shift()!;
    if (c === "..") {
      done.pop();
      continue;
    }
    const here = join(base, ...done, c);
    let link: string | undefined;
    try {
      link = lstatSync(here).isSymbolicLink() ? readlinkSync(here) : undefined;
    } catch {
      return join(base, ...done, c, ...rest);
    }
    if (link === undefined) {
      done.push(c);
      continue;
    }
    if (++hops > MAX_HOPS) {
      throw Object.assign(new Error(`too many levels of symbolic links: ${path}`), { code: "ELOOP" });
    }
    if (link.startsWith("/")) done.length = 0;
    rest = [...link.split("/").filter((p) => p !== "" && p !== "."), ...rest];
  }
  return join(base, ...done);
}
