import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { contentHash } from "../plan/hash.js";
import { serializePlan } from "../plan/plan-json.js";
import type { Plan, PlanStep } from "../plan/types.js";
import { backUpFile, hostPath, missingDirs, readCurrentFile, replaceFile } from "./file-ops.js";
import { type IpRunner, createIpRunner } from "./ip-runner.js";
import { type Journal, JOURNAL_VERSION, acquireLock, findLastAppliedRun, makeRunDir, writeJournal } from "./journal.js";
import { NetExecutor } from "./net-ops.js";
import { rollbackRun } from "./rollback.js";
import { type FileCheck, checkPlanFiles } from "./stale-check.js";

export interface ApplyOptions {
  root: string;
  netns: string | null;
  /** XENCFG_FAILPOINT: the step with this id fails after its journal entry is written, before it acts. */
  failpoint?: Failpoint;
  ip?: IpRunner;
  /** Progress lines ("step 3/7: ...") as they happen. */
  log?: (line: string) => void;
  now?: Date;
  /** Called once the run's journal exists and before the first step (apply --confirm starts its timer here). */
  onRunStarted?: (journal: Journal) => Promise<void>;
}

export type ApplyResult =
  | { outcome: "stale"; checks: FileCheck[] }
  /** An earlier run is unfinished (crashed, awaiting confirmation, or its rollback failed). */
  | { outcome: "blocked"; runId: string; status: string }
  | { outcome: "applied" | "unchanged"; journal: Journal }
  | { outcome: "failed"; journal: Journal; failedStep: PlanStep; error: string; rollbackOk: boolean; rollbackFailures: string[] }
  /** A simulated crash (XENCFG_FAILPOINT=N:crash): stopped with no rollback, the journal left "in-progress". */
  | { outcome: "crashed"; journal: Journal; failedStep: PlanStep };

/** `step` fails; with `crash` the run stops as if the process died there, leaving the rollback to `xencfg rollback`. */
export interface Failpoint {
  step: number;
  crash: boolean;
}

class SimulatedCrash extends Error {}

/**
 * Applies a plan. Before any change every file's hash is compared with the plan's; during the run each
 * step's undo is written to the journal before the step acts; if any step fails, every step already done
 * is undone in reverse order.
 */
export async function applyPlan(plan: Plan, opts: ApplyOptions): Promise<ApplyResult> {
  const root = resolve(opts.root);
  const log = opts.log ?? (() => undefined);
  const ip = opts.ip ?? createIpRunner(opts.netns);
  const release = await acquireLock(root);
  try {
    // A crashed run or one whose confirm timer is still counting would interleave its undo with ours.
    const last = await findLastAppliedRun(root);
    if (last && (last.status === "in-progress" || last.status === "awaiting-confirm" || last.status === "rollback-failed")) {
      return { outcome: "blocked", runId: last.runId, status: last.status };
    }
    const checks = await checkPlanFiles(plan, root);
    if (checks.some((c) => c.status === "stale")) return { outcome: "stale", checks };

    const now = opts.now ?? new Date();
    const { runId, dir } = await makeRunDir(root, now, process.pid);
    const planText = serializePlan(plan);
    await writeFile(join(dir, "plan.json"), planText, { mode: 0o600 });
    const journal: Journal = {
      version: JOURNAL_VERSION,
      runId,
      root,
      netns: opts.netns,
      planHash: contentHash(planText),
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      status: "in-progress",
      pid: process.pid,
      entries: [],
    };
    await writeJournal(journal);
    await opts.onRunStarted?.(journal);

    const net = new NetExecutor(ip);
    const filesByPath = new Map(plan.files.map((f) => [f.path, f]));
    let changed = false;
    for (const step of plan.steps) {
      const label = `step ${step.id}/${plan.steps.length}: ${step.description}`;
      try {
        if (step.kind === "file") {
          const file = filesByPath.get(step.path)!;
          const full = hostPath(root, file.path);
          const current = await readCurrentFile(full);
          if (current.hash === contentHash(file.newContent)) {
            journal.entries.push({ step: step.id, kind: "file", description: step.description, state: "held", undo: null });
            await writeJournal(journal);
            failpointCheck(opts.failpoint, step);
            log(`${label} (already done)`);
            continue;
          }
          const created = current.content === null ? await missingDirs(root, full) : [];
          const undo = await backUpFile(file.path, current, file.newContent, join(dir, "backup"), String(step.id).padStart(4, "0"), created);
          const entry = { step: step.id, kind: "file" as const, description: step.description, state: "started" as const, undo };
          journal.entries.push(entry);
          await writeJournal(journal);
          failpointCheck(opts.failpoint, step);
          await replaceFile(full, current, file.newContent, file.mode);
          crashpointCheck(opts.failpoint, step);
          journal.entries[journal.entries.length - 1]!.state = "done";
        } else {
          const prepared = await net.prepare(step.do);
          if (prepared.holds) {
            journal.entries.push({ step: step.id, kind: "net", description: step.description, state: "held", do: prepared.concrete, undo: null });
            await writeJournal(journal);
            failpointCheck(opts.failpoint, step);
            log(`${label} (already holds)`);
            continue;
          }
          journal.entries.push({ step: step.id, kind: "net", description: step.description, state: "started", do: prepared.concrete, undo: prepared.undo });
          await writeJournal(journal);
          failpointCheck(opts.failpoint, step);
          await net.perform(prepared.concrete);
          crashpointCheck(opts.failpoint, step);
          journal.entries[journal.entries.length - 1]!.state = "done";
        }
        changed = true;
        await writeJournal(journal);
        log(label);
      } catch (err) {
        if (err instanceof SimulatedCrash) return { outcome: "crashed", journal, failedStep: step };
        const error = (err as Error).message;
        log(`${label} FAILED: ${error}`);
        const rb = await rollbackRun(journal, `step ${step.id} (${step.description}) failed: ${error}`, ip);
        return { outcome: "failed", journal, failedStep: step, error, rollbackOk: rb.ok, rollbackFailures: rb.failures };
      }
    }
    journal.status = changed ? "applied" : "unchanged";
    await writeJournal(journal);
    return { outcome: changed ? "applied" : "unchanged", journal };
  } finally {
    await release();
  }
}

/** A failing step fails before it acts (its undo is already in the journal). */
function failpointCheck(failpoint: Failpoint | undefined, step: PlanStep): void {
  if (failpoint?.step === step.id && !failpoint.crash) throw new Error(`failpoint XENCFG_FAILPOINT=${failpoint.step} reached`);
}

/** A crash comes after the step acted and before the journal says so: the worst moment for `rollback`. */
function crashpointCheck(failpoint: Failpoint | undefined, step: PlanStep): void {
  if (failpoint?.step === step.id && failpoint.crash) throw new SimulatedCrash(`simulated crash at step ${step.id}`);
}

/** Reads XENCFG_FAILPOINT=N or N:crash; anything else is ignored. */
export function failpointFromEnv(env: Record<string, string | undefined>): Failpoint | undefined {
  const m = /^([1-9]\d*)(:crash)?$/.exec(env.XENCFG_FAILPOINT ?? "");
  return m ? { step: Number(m[1]), crash: m[2] !== undefined } : undefined;
}
