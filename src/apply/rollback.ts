import { join } from "node:path";
import { writeFileAtomic } from "../fs/atomic-write.js";
import type { NetOp } from "../plan/types.js";
import { hostPath, readCurrentFile, restoreFile } from "./file-ops.js";
import { type IpRunner, createIpRunner } from "./ip-runner.js";
import { type FileUndo, type Journal, type JournalEntry, runDir, writeJournal } from "./journal.js";
import { NetExecutor } from "./net-ops.js";

/** A file the run wrote that holds neither what the run wrote nor what was there before: someone's work since. */
export interface ChangedFile {
  step: number;
  /** Host path, as in the plan. */
  path: string;
  /** "changed since the run", "deleted since the run", or why it could not be read. */
  why: string;
  /** Where --force saved its current bytes (absent when there was nothing to save). */
  savedTo?: string;
}

/**
 * What to do about files changed since the run (see filesChangedSinceRun):
 * - "unchecked": restore regardless (apply's own rollbacks, right after it wrote the files, under its lock);
 * - "refuse": change nothing at all and return them (`xencfg rollback`);
 * - "save": save each one's current bytes beside the run's backups, then roll back (`xencfg rollback --force`);
 * - "keep-files": roll back the network steps only and leave every file as it is, the run marked
 *   rollback-failed with the reason (the confirm timer: the network must come back, and restoring only
 *   some files would leave the old and the new configuration mixed).
 */
export type ChangedFilesPolicy = "unchecked" | "refuse" | "save" | "keep-files";

export interface RollbackResult {
  ok: boolean;
  undone: string[];
  failures: string[];
  /** Files changed since the run (empty unless checked). With "refuse" nothing was done when this is not empty. */
  changed: ChangedFile[];
  /** True when the policy was "refuse" and files had changed: the rollback did not start. */
  refused: boolean;
}

function undoesFile(e: JournalEntry): boolean {
  return e.kind === "file" && e.undo !== null && (e.state === "done" || e.state === "started");
}

/**
 * The files a rollback would restore that hold neither the run's content (newHash) nor the old one
 * (oldHash; absent for a file the run created): a run only writes files, never deletes them, so a missing
 * file the run wrote over an existing one was deleted by someone since. A file that cannot be read (a
 * symbolic link put in its place, say) counts as changed.
 */
export async function filesChangedSinceRun(journal: Journal): Promise<ChangedFile[]> {
  const changed: ChangedFile[] = [];
  for (const e of journal.entries) {
    if (!undoesFile(e)) continue;
    const undo = e.undo as FileUndo;
    try {
      const cur = await readCurrentFile(hostPath(journal.root, undo.path));
      if (cur.hash === undo.newHash || cur.hash === undo.oldHash) continue;
      changed.push({ step: e.step, path: undo.path, why: cur.content === null ? "deleted since the run" : "changed since the run" });
    } catch (err) {
      changed.push({ step: e.step, path: undo.path, why: `cannot be checked: ${(err as Error).message}` });
    }
  }
  return changed;
}

/** Saves the current bytes of each changed file as backup/NNNN.changed-TIME (0600) in the run's folder. */
async function saveChangedFiles(journal: Journal, changed: ChangedFile[]): Promise<void> {
  const backupDir = join(runDir(journal.root, journal.runId), "backup");
  const stamp = new Date().toISOString().replace(/[-:]/g, "");
  for (const c of changed) {
    let cur;
    try {
      cur = await readCurrentFile(hostPath(journal.root, c.path));
    } catch {
      continue; // not a regular file: nothing to save, and its restore will fail and be reported
    }
    if (cur.content === null) continue;
    const savedTo = join(backupDir, `${String(c.step).padStart(4, "0")}.changed-${stamp}`);
    await writeFileAtomic(savedTo, cur.content, { mode: 0o600 });
    c.savedTo = savedTo;
  }
}

/**
 * Undoes a run from its journal, newest step first: every step that was done, and every step that was
 * started (the process may have died inside it; each undo checks the state first, so undoing a step that
 * never took effect changes nothing). A failing undo does not stop the others: the host should get as
 * close to its old state as it can, and the journal lists what could not be undone. Files changed since
 * the run are handled as `policy` says.
 */
export async function rollbackRun(journal: Journal, reason: string, ip: IpRunner = createIpRunner(journal.netns), policy: ChangedFilesPolicy = "unchecked"): Promise<RollbackResult> {
  const changed = policy === "unchecked" ? [] : await filesChangedSinceRun(journal);
  if (policy === "refuse" && changed.length > 0) return { ok: false, undone: [], failures: [], changed, refused: true };
  if (policy === "save" && changed.length > 0) await saveChangedFiles(journal, changed);
  const keepFiles = policy === "keep-files" && changed.length > 0;
  const net = new NetExecutor(ip);
  const backupDir = join(runDir(journal.root, journal.runId), "backup");
  const undone: string[] = [];
  const failures: string[] = [];
  for (let i = journal.entries.length - 1; i >= 0; i--) {
    const entry = journal.entries[i]!;
    if (entry.state !== "done" && entry.state !== "started") continue;
    if (keepFiles && entry.kind === "file") continue;
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
  const notes: string[] = [];
  if (failures.length) notes.push(`could not undo: ${failures.join("; ")}`);
  if (keepFiles) {
    notes.push(
      `the files were not restored, because ${changed.map((c) => `${c.path} (${c.why})`).join(", ")} changed after the run wrote ${changed.length === 1 ? "it" : "them"}; ` +
        `every file stays as it is (restoring only some would mix the old and the new configuration); ` +
        `run xencfg rollback --root ${journal.root} once the changes are undone, or with --force, which saves them first`,
    );
  }
  const ok = failures.length === 0 && !keepFiles;
  journal.status = ok ? "rolled-back" : "rollback-failed";
  journal.reason = notes.length ? `${reason}; ${notes.join("; ")}` : reason;
  await writeJournal(journal);
  return { ok, undone, failures, changed, refused: false };
}
