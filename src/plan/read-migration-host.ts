import { realpath, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { formatDiagnostic } from "../diagnostics/code-frame.js";
import { readHosts } from "../host/read-host.js";
import type { MigrationHost } from "./migrate.js";
import { rootResolver } from "../host/resolve-in-root.js";

/**
 * Reads ROOT/etc/xen with the core's host reader and names each file by its host path (/etc/xen/...),
 * following symlinks (guests in auto/ usually are links) so the plan writes the file itself.
 */
export async function readMigrationHost(rootArg: string): Promise<MigrationHost | { error: string }> {
  const root = resolve(rootArg);
  const etc = join(root, "etc/xen");
  try {
    if (!(await stat(etc)).isDirectory()) return { error: `${etc} is not a folder` };
  } catch {
    return { error: `no ${etc}: is --root the host's file-system root?` };
  }
  const realRoot = await realpath(root);
  // Links resolve inside the root: a copy or image of another host has auto/db1.cfg -> /etc/xen/db1.cfg.
  const read = await readHosts([etc], { root });
  const inRoot = rootResolver(root);
  const tree = read.trees[0];
  const problems = read.unreadable.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, undefined));
  if (!tree?.xend) return { error: `no xend-config.sxp in ${etc}; migrate works on xend hosts (Xen 3.0-4.4)` };
  for (const doc of [tree.xend, ...tree.guests]) for (const d of doc.errors) problems.push(formatDiagnostic(d, doc.text));

  const hostFile = async (shown: string) => {
    let real: string | undefined;
    try {
      real = inRoot(shown);
    } catch {
      // A link loop: the file keeps its shown path, and reading it has already reported the loop.
    }
    real ??= await realpath(shown).catch(() => shown);
    const rel = relative(realRoot, real);
    const inside = rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep);
    return { path: inside ? `/${rel.split(sep).join("/")}` : null, mode: (await stat(real)).mode & 0o7777 };
  };
  const xendFile = await hostFile(tree.xend.file);
  const guests = [];
  for (const doc of tree.guests) {
    const f = await hostFile(doc.file);
    guests.push({ ...f, shown: doc.file, doc, name: doc.guestName ?? basename(doc.file).replace(/\.cfg$/, "") });
  }
  return { root, xend: { ...xendFile, shown: tree.xend.file, doc: tree.xend }, guests, scripts: tree.scripts, problems };
}
