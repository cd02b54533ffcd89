import { waitForConfirmation } from "../../apply/confirm-timer.js";
import { join } from "node:path";
import { acquireLock, findLastAppliedRun, readJournal, runDir } from "../../apply/journal.js";
import { rollbackRun } from "../../apply/rollback.js";
import { type CliIo, EXIT_FINDINGS, EXIT_OK } from "../io.js";
import type { RollbackArgs } from "./rollback.js";
import { existingHostRoot } from "../host-root.js";

export async function runRollback(args: RollbackArgs, io: CliIo): Promise<number> {
  const root = await existingHostRoot(io.cwd, args.root);
  if (args["on-confirm-timeout"]) {
    if (!args.run) {
      io.stderr("xencfg rollback: --on-confirm-timeout needs --run\n");
      return 2;
    }
    const outcome = await waitForConfirmation(root, args.run);
    return outcome === "rollback-failed" ? EXIT_FINDINGS : EXIT_OK;
  }
  const release = await acquireLock(root);
  try {
    const journal = args.run ? await readJournal(root, args.run) : await findLastAppliedRun(root);
    if (!journal) {
      io.stderr(`xencfg rollback: no applied run to roll back under ${root}\n`);
      return EXIT_FINDINGS;
    }
    const was = journal.status;
    // A file that no longer holds what the run wrote is someone's work since: never overwrite it silently.
    const rb = await rollbackRun(journal, `rolled back by xencfg rollback${args.force ? " --force" : ""} (the run was ${was})`, undefined, args.force ? "save" : "refuse");
    if (rb.refused) {
      io.stderr(
        `xencfg rollback: refused: run ${journal.runId}: ${rb.changed.length === 1 ? "this file was" : "these files were"} changed after the run wrote ${rb.changed.length === 1 ? "it" : "them"}, and rolling back would overwrite ${rb.changed.length === 1 ? "it" : "them"}:\n` +
          rb.changed.map((c) => `  ${c.path} (${c.why})\n`).join("") +
          `Nothing was undone. Undo those changes first, or run xencfg rollback --root ${root} --force, which saves each changed file's current content in ${join(runDir(root, journal.runId), "backup")} before restoring it.\n`,
      );
      return EXIT_FINDINGS;
    }
    for (const c of rb.changed) {
      io.stdout(c.savedTo ? `saved the current content of ${c.path} in ${c.savedTo}\n` : `${c.path} was ${c.why.replace(/ since the run$/, "")} since the run: nothing to save\n`);
    }
    for (const line of rb.undone) io.stdout(`undone ${line}\n`);
    if (!rb.ok) {
      io.stderr(`xencfg rollback: run ${journal.runId}: could not undo:\n${rb.failures.map((f) => `  ${f}\n`).join("")}`);
      return EXIT_FINDINGS;
    }
    const kept = rb.changed.length ? " (the changes made since the run are saved as listed above)" : "";
    io.stdout(`Rolled back run ${journal.runId}; the host is back as it was before it${kept}.\n`);
    return EXIT_OK;
  } finally {
    await release();
  }
}
