import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { acquireLock, isAlive, readJournal } from "./journal.js";
import { rollbackRun } from "./rollback.js";

/**
 * The confirm timer is a separate process in its own session (spawn `detached: true` calls setsid), with
 * no terminal and no pipes to the apply process: when the SSH session that ran `apply --confirm` dies
 * (often because the change broke the host's network), the timer gets no SIGHUP and still rolls back.
 */
export function startConfirmTimer(root: string, runId: string, env: Record<string, string | undefined>): number {
  const bin = findCliBin();
  const cleanEnv = { ...env };
  delete cleanEnv.XENCFG_FAILPOINT;
  const child = spawn(process.execPath, [bin, "rollback", "--root", root, "--run", runId, "--on-confirm-timeout"], {
    detached: true,
    stdio: "ignore",
    cwd: "/",
    env: cleanEnv as NodeJS.ProcessEnv,
  });
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start the confirm timer (${process.execPath} ${bin})`);
  return child.pid;
}

/**
 * The built CLI, found by walking up from this module: it sits at dist/src/apply/ when built and at
 * src/apply/ under the test runner, and bin/xencfg.js is beside package.json either way.
 */
export function findCliBin(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "bin", "xencfg.js");
    if (existsSync(candidate) && existsSync(join(dir, "package.json"))) return candidate;
    dir = dirname(dir);
  }
  throw new Error("cannot find bin/xencfg.js next to package.json");
}

export type TimerOutcome = "confirmed" | "rolled-back" | "rollback-failed" | "not-waiting";

/**
 * The timer's body. While the run is in progress it watches the apply process: if that dies (its SSH
 * session went down with the network it was changing), it rolls back at once. Once the run awaits
 * confirmation it waits for the deadline, then rolls back under the lock unless `xencfg confirm` got
 * there first.
 */
export async function waitForConfirmation(root: string, runId: string, pollMs = 200): Promise<TimerOutcome> {
  let reason: string;
  for (;;) {
    const journal = await readJournal(root, runId);
    if (!journal.confirm) return "not-waiting";
    if (journal.status === "in-progress" || journal.status === "applied") {
      if (!isAlive(journal.pid)) {
        reason = `the apply process (pid ${journal.pid}) ended before the run awaited confirmation; rolled back by the confirm timer`;
        break;
      }
    } else if (journal.status === "awaiting-confirm" && journal.confirm.deadline) {
      if (Date.parse(journal.confirm.deadline) <= Date.now()) {
        reason = `no confirmation before ${journal.confirm.deadline}; rolled back by the confirm timer`;
        break;
      }
    } else {
      return journal.status === "confirmed" ? "confirmed" : "not-waiting";
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  const release = await acquireLock(root, 60_000);
  try {
    const journal = await readJournal(root, runId);
    const stillDue = journal.status === "awaiting-confirm" || ((journal.status === "in-progress" || journal.status === "applied") && !isAlive(journal.pid));
    if (!stillDue) return journal.status === "confirmed" ? "confirmed" : "not-waiting";
    // A file edited within the confirmation window is someone's work: the timer keeps every file then, but
    // still restores the network (what it is there for), and the journal says which files and why.
    const rb = await rollbackRun(journal, reason, undefined, "keep-files");
    return rb.ok ? "rolled-back" : "rollback-failed";
  } finally {
    await release();
  }
}
