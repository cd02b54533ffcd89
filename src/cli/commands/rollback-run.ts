import { waitForConfirmation } from "../../apply/confirm-timer.js";
import { acquireLock, findLastAppliedRun, readJournal } from "../../apply/journal.js";
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
    const rb = await rollbackRun(journal, `rolled back by xencfg rollback (the run was ${was})`);
    for (const line of rb.undone) io.stdout(`undone ${line}\n`);
    if (!rb.ok) {
      io.stderr(`xencfg rollback: run ${journal.runId}: could not undo:\n${rb.failures.map((f) => `  ${f}\n`).join("")}`);
      return EXIT_FINDINGS;
    }
    io.stdout(`Rolled back run ${journal.runId}; the host is back as it was before it.\n`);
    return EXIT_OK;
  } finally {
    await release();
  }
}
