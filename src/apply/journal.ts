import { mkdir, open, readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { validateNetOp } from "../plan/plan-json.js";
import type { NetOp } from "../plan/types.js";
import { HostStateError } from "./host-state-error.js";

/**
 * The journal of one apply run, written before and after every step, so that `xencfg rollback` can undo a
 * run that crashed half-way. It lives under ROOT/var/lib/xencfg/, outside every folder Xen reads: a backup
 * of a guest config under /etc/xen/auto would be booted by xendomains.
 */

export const JOURNAL_VERSION = 1 as const;

export type RunStatus =
  /** Steps are running (or the process died while they were). */
  | "in-progress"
  /** Every step is done; nothing waits for a confirmation. */
  | "applied"
  /** Applied with --confirm: the detached timer rolls back unless `xencfg confirm` comes first. */
  | "awaiting-confirm"
  | "confirmed"
  /** Nothing needed doing: the host already held the plan. */
  | "unchanged"
  | "rolled-back"
  /** Some undo failed; the journal says which. */
  | "rollback-failed";

/** How to restore one file: its old bytes are in backup/<backup> inside the run folder. */
export interface FileUndo {
  kind: "file-restore";
  path: string;
  /** File name of the backup inside the run's backup folder; null when the file did not exist. */
  backup: string | null;
  mode: number | null;
  uid: number | null;
  gid: number | null;
  oldHash: string | null;
  newHash: string;
  /**
   * Folders (host paths, outermost first) that did not exist before this step and that writing the file
   * creates; undoing a new file removes them again when nothing else was put in them. Absent in journals
   * written before xencfg recorded them.
   */
  createdDirs?: string[];
}

export interface JournalEntry {
  step: number;
  kind: "file" | "net";
  description: string;
  /** started: written before acting; done: acted; held: already as planned, nothing done; undone: rolled back. */
  state: "started" | "done" | "held" | "undone";
  do?: NetOp;
  undo: FileUndo | NetOp | null;
}

export interface Journal {
  version: typeof JOURNAL_VERSION;
  runId: string;
  root: string;
  netns: string | null;
  planHash: string;
  startedAt: string;
  updatedAt: string;
  status: RunStatus;
  /** Why the run ended as it did (the failed step, the missed confirmation, the probe that did not answer). */
  reason?: string;
  /** The apply process: while the run is in progress and this pid is gone, the run crashed. */
  pid: number;
  /**
   * With --confirm. The timer is started before the first step, so a session lost in the middle of the run
   * (the usual way a network change shows it broke something) is rolled back too; the deadline is set once
   * every step is done.
   */
  confirm?: { seconds: number; deadline: string | null; timerPid: number | null };
  probe?: string;
  entries: JournalEntry[];
}

export function stateDir(root: string): string {
  return join(root, "var/lib/xencfg");
}

export function runsDir(root: string): string {
  return join(stateDir(root), "runs");
}

export function runDir(root: string, runId: string): string {
  return join(runsDir(root), runId);
}

/** Sortable by time, unique per process: 20261126T120102Z-4242. */
export function newRunId(now: Date, pid: number): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${pid}`;
}

const RUN_ID = /^\d{8}T\d{6}Z-\d+(-\d+)?$/;

export async function writeJournal(journal: Journal): Promise<void> {
  journal.updatedAt = new Date().toISOString();
  await writeFileAtomic(join(runDir(journal.root, journal.runId), "journal.json"), `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
}

export async function readJournal(root: string, runId: string): Promise<Journal> {
  if (!RUN_ID.test(runId)) throw new Error(`'${runId}' is not a run id`);
  const text = await readFile(join(runDir(root, runId), "journal.json"), "utf8");
  return checkJournal(JSON.parse(text), root, runId);
}

/** Run ids, oldest first. */
export async function listRuns(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(runsDir(root));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  return names.filter((n) => RUN_ID.test(n)).sort();
}

/** The run `rollback` and `confirm` act on: the newest one that changed the host and is not undone. */
export async function findLastAppliedRun(root: string): Promise<Journal | null> {
  const runs = await listRuns(root);
  for (let i = runs.length - 1; i >= 0; i--) {
    let journal: Journal;
    try {
      journal = await readJournal(root, runs[i]!);
    } catch {
      continue; // a run folder whose journal was never written: the run stopped before its first step
    }
    if (journal.status === "unchanged" || journal.status === "rolled-back") continue;
    return journal;
  }
  return null;
}

/** Creates the folder of a new run; a second run in the same second by the same process gets a suffix. */
export async function makeRunDir(root: string, now: Date, pid: number): Promise<{ runId: string; dir: string }> {
  await mkdir(runsDir(root), { recursive: true, mode: 0o700 });
  const base = newRunId(now, pid);
  for (let n = 1; ; n++) {
    const runId = n === 1 ? base : `${base}-${n}`;
    const dir = runDir(root, runId);
    try {
      await mkdir(dir, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw err;
    }
    await mkdir(join(dir, "backup"), { mode: 0o700 });
    return { runId, dir };
  }
}

/**
 * One xencfg run at a time per root: apply, rollback, confirm and the confirm timer all take this lock,
 * so a confirmation and a timeout cannot both win. A lock left by a dead process is taken over.
 */
export async function acquireLock(root: string, waitMs = 10_000): Promise<() => Promise<void>> {
  try {
    await mkdir(stateDir(root), { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new HostStateError(`cannot create xencfg's state folder ${stateDir(root)}: ${(err as Error).message}`);
  }
  const path = join(stateDir(root), "lock");
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const fh = await open(path, "wx", 0o600);
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw new HostStateError(`cannot take the lock ${path}: ${(err as Error).message}`);
    }
    const holder = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() > until) throw new HostStateError(`another xencfg run (pid ${holder}) is working on this host and holds ${path}; run this again when it has finished`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const STATUSES: readonly RunStatus[] = ["in-progress", "applied", "awaiting-confirm", "confirmed", "unchanged", "rolled-back", "rollback-failed"];

/** The journal is ours, but a crash or a hand edit may have left it odd: rollback must not act on nonsense. */
function checkJournal(data: unknown, root: string, runId: string): Journal {
  const j = data as Journal;
  const bad = (msg: string): never => {
    throw new Error(`journal of run ${runId}: ${msg}`);
  };
  if (typeof j !== "object" || j === null) bad("not an object");
  if (j.version !== JOURNAL_VERSION) bad(`version ${String(j.version)} is not ${JOURNAL_VERSION}`);
  if (j.runId !== runId) bad("names another run");
  if (!STATUSES.includes(j.status)) bad(`unknown status ${String(j.status)}`);
  if (j.netns !== null && typeof j.netns !== "string") bad("netns must be a string or null");
  if (!Array.isArray(j.entries)) bad("entries must be an array");
  for (const [i, e] of j.entries.entries()) {
    if (!["started", "done", "held", "undone"].includes(e.state)) bad(`entry ${i}: unknown state`);
    if (e.kind === "net" && e.undo) {
      const errors: string[] = [];
      validateNetOp(e.undo, `entry ${i}.undo`, errors, true);
      if (errors.length) bad(errors.join("; "));
    } else if (e.kind === "file" && e.undo) {
      const u = e.undo as FileUndo;
      if (u.kind !== "file-restore" || typeof u.path !== "string" || (u.backup !== null && !/^\d{4}$/.test(u.backup))) bad(`entry ${i}: bad file undo`);
    }
  }
  return { ...j, root };
}
