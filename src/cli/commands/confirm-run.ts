import { acquireLock, findLastAppliedRun, isAlive, writeJournal } from "../../apply/journal.js";
import { type CliIo, EXIT_FINDINGS, EXIT_OK } from "../io.js";
import { existingHostRoot } from "../host-root.js";

export async function runConfirm(args: { root: string }, io: CliIo): Promise<number> {
  const root = await existingHostRoot(io.cwd, args.root);
  // The timer takes the same lock before it rolls back, so exactly one of the two wins.
  const release = await acquireLock(root);
  try {
    const journal = await findLastAppliedRun(root);
    if (!journal || journal.status !== "awaiting-confirm" || !journal.confirm?.deadline) {
      // A timer that restored the network but kept files edited in the window leaves rollback-failed: say why.
      const why = journal?.status === "rollback-failed" && journal.reason ? `: ${journal.reason}` : "";
      io.stderr(`xencfg confirm: no run awaits confirmation under ${root}${journal ? ` (the last run, ${journal.runId}, is ${journal.status}${why})` : ""}\n`);
      return EXIT_FINDINGS;
    }
    if (Date.parse(journal.confirm.deadline) <= Date.now()) {
      const pid = journal.confirm.timerPid;
      // After a reboot the timer is gone and nothing rolls back by itself: say so rather than wait.
      const why = pid !== null && isAlive(pid) ? `run ${journal.runId} is being rolled back` : `its confirm timer (pid ${pid ?? "none"}) is gone; run xencfg rollback --root ${root}`;
      io.stderr(`xencfg confirm: too late: the deadline ${journal.confirm.deadline} has passed; ${why}\n`);
      return EXIT_FINDINGS;
    }
    journal.status = "confirmed";
    await writeJournal(journal);
    io.stdout(`Confirmed run ${journal.runId}; the confirm timer stops without rolling back.\n`);
    return EXIT_OK;
  } finally {
    await release();
  }
}
