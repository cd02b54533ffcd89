import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { formatDiagnostic } from "../../diagnostics/code-frame.js";
import { writeFileAtomic } from "../../fs/atomic-write.js";
import { readHosts } from "../../host/read-host.js";
import { assignMacs } from "../../mac/assign-macs.js";
import { unifiedDiff } from "../../plan/unified-diff.js";
import { plural } from "../../text/plural.js";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { FixArgs } from "./fix.js";

/**
 * `xencfg fix --assign-macs PATH...`: the diff on stdout, notes on stderr. Exit 0 when nothing needs a
 * change or --write wrote it, 1 when a dry run found changes to make (so CI can check), 2 on I/O errors.
 */
export async function runFix(args: FixArgs, io: CliIo): Promise<number> {
  if (!args["assign-macs"]) throw new UsageError("name a fix: --assign-macs");
  if (args.paths.length === 0) throw new UsageError("name the guest files or /etc/xen-like folders to fix");
  const host = await readHosts(args.paths, { cwd: io.cwd });
  if (host.unreadable.length > 0) {
    for (const d of host.unreadable) io.stderr(`${formatDiagnostic(d, undefined)}\n`);
    // A guest we could not read may hold an address we would hand out again.
    io.stderr("xencfg fix: nothing changed: every guest must be readable to keep addresses unique\n");
    return EXIT_USAGE;
  }
  const guests = host.trees.flatMap((t) => t.guests);
  if (guests.length === 0) {
    // An empty or mistyped folder: "every vif has a mac=" would be true of nothing and read as all clear.
    io.stderr(`xencfg fix: no guest file found in ${args.paths.join(", ")}; nothing to change\n`);
    return EXIT_OK;
  }
  const result = assignMacs(guests, { local: args.local });
  for (const d of result.notes) io.stderr(`${formatDiagnostic(d, undefined)}\n`);

  const interfaces = result.changed.reduce((n, c) => n + c.assignments.length, 0);
  for (const { before, after } of result.changed) {
    // git's a/ b/ prefixes; an absolute path loses its leading '/' there, as in `git diff --no-index`.
    const name = before.file.replace(/^\/+/, "");
    io.stdout(unifiedDiff(before.text, after.text, `a/${name}`, `b/${name}`));
  }
  if (result.changed.length === 0) {
    // A file skipped for syntax errors or a missing name still has vifs without an address, so the summary
    // must not claim every vif has one. The exit stays 0: --write could not change those files either.
    const skipped = new Set(result.notes.filter((d) => d.code === "mac-not-assigned").map((d) => d.file)).size;
    if (skipped > 0) {
      io.stderr(`xencfg fix: nothing it can change; ${plural(skipped, "skipped file")} still ${skipped === 1 ? "has" : "have"} vifs without mac= (see above)\n`);
      return EXIT_OK;
    }
    io.stderr("xencfg fix: every vif read has a mac=; nothing to change\n");
    return EXIT_OK;
  }
  const what = `${interfaces} interface${interfaces === 1 ? "" : "s"} in ${result.changed.length} file${result.changed.length === 1 ? "" : "s"}`;
  if (!args.write) {
    io.stderr(`xencfg fix: would give ${what} a mac=; run again with --write to write them\n`);
    return EXIT_FINDINGS;
  }
  let failed = 0;
  for (const { before, after } of result.changed) {
    const path = resolve(io.cwd, before.file);
    try {
      // Someone may have edited the file since it was read: never overwrite their change.
      if ((await readFile(path, "utf8")) !== before.text) throw new Error("it changed since it was read; run xencfg fix again");
      await writeFileAtomic(path, after.text);
    } catch (err) {
      io.stderr(`xencfg fix: cannot write ${before.file}: ${(err as Error).message}\n`);
      failed++;
    }
  }
  if (failed > 0) return EXIT_USAGE;
  io.stderr(`xencfg fix: gave ${what} a mac=\n`);
  return EXIT_OK;
}
