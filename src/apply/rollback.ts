import { join } from "node:path";
import type { NetOp } from "../plan/types.js";
import { restoreFile } from "./file-ops.js";
import { type IpRunner, createIpRunner } from "./ip-runner.js";
import { type FileUndo, type Journal, runDir, writeJournal } from "./journal.js";
import { NetExecutor } from "./net-ops.js";

export interface RollbackResult {
  ok: boolean;
  undone: string[];
  failures: string[];
}

/**
 * Undoes a run from its journal, newest step first: every step that was done, and every step that was
 * started (the process may have died inside it; each undo checks the state first, so undoing a step that
 * never took effect changes nothing). A failing undo does not stop the others: the host should get as
 * close to its old state as it can, and the journal lists what could not be undone.
 */
export async function rollbackRun(journal: Journal, reason: string, ip: IpRunner = createIpRunner(journal.netns)): Promise<RollbackResult> {
  const net = new NetExecutor(ip);
  const backupDir = join(runDir(journal.root, journal.runId), "backup");
  const undone: string[] = [];
  const failures: string[] = [];
  for (let i = journal.entries.length - 1; i >= 0; i--) {
    const entry = journal.entries[i]!;
    if (entry.state !== "done" && entry.state !== "started") continue;
    try {
      if (entry.undo) {
        if (entry.kind === "file") await restoreFile(journal.root, backupDir, entry.undo as FileUndo);
        else {
          const prepared = await net.prepare(entry.undo as NetOp);
          if (!prepared.holds) await net.perform(prepared.concrete);
        }
      }
      entry.state = "undone";
      undone.push(`step ${entry.step}: ${entry.description}`);
      await writeJournal(journal);
    } catch (err) {
      failures.push(`step ${entry.step} (${entry.description}): ${(err as Error).message}`);
    }
  }
  journal.status = failures.length ? "rollback-failed" : "rolled-back";
  journal.reason = failures.length ? `${reason}; could not undo: ${failures.join("; ")}` : reason;
  await writeJournal(journal);
  return { ok: failures.length === 0, undone, failures };
}
