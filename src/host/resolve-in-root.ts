import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

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
  if (!isUnder(root, path)) throw new RangeError(`${path} is not under ${root}`);
  let rest = relative(resolve(root), resolve(path)).split(sep).filter((c) => c !== "" && c !== ".");
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

/** Where a path leads on the host being read; undefined where the OS already resolves it as that host would. */
export type RootResolver = (path: string) => string | undefined;

/**
 * resolveInRoot for one root, or nothing to do when the root is this machine's own '/'. A path outside
 * the root is this machine's, read as the OS resolves it.
 */
export function rootResolver(root: string | undefined): RootResolver {
  if (root === undefined || realpathSync.native(root) === "/") return () => undefined;
  return (path) => (isUnder(root, path) ? resolveInRoot(root, path) : undefined);
}

function isUnder(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
