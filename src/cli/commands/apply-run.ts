import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { applyPlan, failpointFromEnv } from "../../apply/apply-plan.js";
import { startConfirmTimer } from "../../apply/confirm-timer.js";
import { hostPath, readCurrentFile } from "../../apply/file-ops.js";
import { checkNetnsName, createIpRunner } from "../../apply/ip-runner.js";
import { readLink } from "../../apply/net-state.js";
import { type Journal, acquireLock, readJournal, writeJournal } from "../../apply/journal.js";
import { interfaceNamesOf, NetExecutor } from "../../apply/net-ops.js";
import { parseProbeTarget, probe } from "../../apply/probe.js";
import { rollbackRun } from "../../apply/rollback.js";
import { checkPlanFiles } from "../../apply/stale-check.js";
import { parsePlan } from "../../plan/plan-json.js";
import { renderPlanText } from "../../plan/render-plan.js";
import type { Plan } from "../../plan/types.js";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { ApplyArgs } from "./apply.js";
import { existingHostRoot } from "../host-root.js";

const MAX_CONFIRM_SECONDS = 24 * 3600;

export async function runApply(args: ApplyArgs, io: CliIo): Promise<number> {
  const netns = args.netns ?? null;
  if (netns !== null && checkNetnsName(netns)) throw new UsageError(`--netns '${netns}' ${checkNetnsName(netns)}`);
  if (args.confirm !== undefined && (!Number.isFinite(args.confirm) || args.confirm <= 0 || args.confirm > MAX_CONFIRM_SECONDS))
    throw new UsageError(`--confirm takes a number of seconds from 1 to ${MAX_CONFIRM_SECONDS}`);
  const target = args.probe === undefined ? null : parseProbeTarget(args.probe);
  if (typeof target === "string") throw new UsageError(`--probe: ${target}`);

  const planPath = resolve(io.cwd, args.plan);
  let text: string;
  try {
    text = await readFile(planPath, "utf8");
  } catch (err) {
    io.stderr(`xencfg apply: cannot read ${args.plan}: ${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
  const parsed = parsePlan(text);
  if (!parsed.ok) {
    io.stderr(`xencfg apply: ${args.plan} is not a valid plan:\n${parsed.errors.map((e) => `  ${e}\n`).join("")}`);
    return EXIT_USAGE;
  }
  const plan = parsed.plan;
  const root = await existingHostRoot(io.cwd, args.root ?? plan.root, args.root === undefined ? `the plan's root ${plan.root}` : undefined);

  if (args["dry-run"]) return dryRun(plan, root, netns, io);

  if (!args.yes) {
    if (!io.stdinIsTTY || !io.prompt) {
      io.stderr("xencfg apply: refusing to change the host without --yes (no terminal to ask on); try --dry-run first\n");
      return EXIT_USAGE;
    }
    const answer = await io.prompt(`Apply ${plan.steps.length} step(s) to the host under ${root}${netns ? ` (namespace ${netns})` : ""}? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.stderr("xencfg apply: not applied\n");
      return EXIT_FINDINGS;
    }
  }

  let result;
  try {
    result = await applyPlan(plan, {
      root,
      netns,
      failpoint: failpointFromEnv(io.env),
      log: (line) => io.stdout(`${line}\n`),
      onRunStarted: args.confirm === undefined ? undefined : (journal) => startTimer(journal, args.confirm!, io.env),
    });
  } catch (err) {
    if (!(err instanceof TimerStartError)) throw err;
    io.stderr(`xencfg apply: could not start the confirm timer (${err.message}); nothing was changed\n`);
    return EXIT_FINDINGS;
  }
  if (result.outcome === "stale") {
    io.stderr(`xencfg apply: the plan is stale: the host changed after it was made. Nothing was changed; run migrate again.\n`);
    for (const c of result.checks) if (c.status === "stale") io.stderr(`  ${c.path}: ${c.detail}\n`);
    return EXIT_FINDINGS;
  }
  if (result.outcome === "blocked") {
    const next = result.status === "awaiting-confirm" ? "xencfg confirm or xencfg rollback" : "xencfg rollback";
    io.stderr(`xencfg apply: run ${result.runId} is ${result.status}; finish it first (${next} --root ${root}). Nothing was changed.\n`);
    return EXIT_FINDINGS;
  }
  if (result.outcome === "failed") {
    io.stderr(`xencfg apply: step ${result.failedStep.id} (${result.failedStep.description}) failed: ${result.error}\n`);
    if (result.rollbackOk) io.stderr(`Every step already done was undone in reverse order; the host is back as it was (run ${result.journal.runId}).\n`);
    else io.stderr(`ROLLBACK INCOMPLETE (run ${result.journal.runId}); could not undo:\n${result.rollbackFailures.map((f) => `  ${f}\n`).join("")}`);
    return EXIT_FINDINGS;
  }
  if (result.outcome === "crashed") {
    io.stderr(`xencfg apply: simulated crash at step ${result.failedStep.id} (XENCFG_FAILPOINT); nothing was undone: run xencfg rollback --root ${root}\n`);
    return EXIT_FINDINGS;
  }
  if (result.outcome === "unchanged") {
    io.stdout(`Nothing changed: the host already holds this plan (run ${result.journal.runId}).\n`);
    return EXIT_OK;
  }
  const { runId } = result.journal;
  io.stdout(`Applied ${plan.steps.length} step(s) (run ${runId}; journal and backups in ${root.replace(/\/$/, "")}/var/lib/xencfg/runs/${runId}/).\n`);

  // The deadline starts now, before the probe: if this session dies while probing, the timer still acts.
  let deadline: string | undefined;
  if (args.confirm !== undefined) {
    deadline = new Date(Date.now() + args.confirm * 1000).toISOString();
    const release = await acquireLock(root);
    try {
      const journal = await readJournal(root, runId);
      journal.status = "awaiting-confirm";
      journal.confirm = { seconds: args.confirm, deadline, timerPid: journal.confirm?.timerPid ?? null };
      await writeJournal(journal);
    } finally {
      await release();
    }
  }

  if (target) {
    const answer = await probe(target, netns);
    if (!answer.ok) {
      const rb = await rollBackNow(root, runId, `probe failed: ${answer.detail}`);
      io.stderr(`xencfg apply: probe failed: ${answer.detail}\n`);
      io.stderr(rb ? "Rolled back: the host is back as it was.\n" : "ROLLBACK INCOMPLETE; see the journal and run xencfg rollback.\n");
      return EXIT_FINDINGS;
    }
    io.stdout(`Probe: ${answer.detail}.\n`);
  }

  if (deadline !== undefined) {
    const pid = (await readJournal(root, runId)).confirm?.timerPid;
    io.stdout(
      `Waiting for confirmation until ${deadline} (timer pid ${pid}).\n` +
        `Keep the change with:  xencfg confirm --root ${root}\n` +
        `Without it the change is rolled back by itself, even if this session is lost.\n`,
    );
  }
  return EXIT_OK;
}

class TimerStartError extends Error {}

/** Starts the detached confirm timer before the first step and records its pid; a failure stops the run. */
async function startTimer(journal: Journal, seconds: number, env: Record<string, string | undefined>): Promise<void> {
  journal.confirm = { seconds, deadline: null, timerPid: null };
  // Written before the spawn: a timer that finds no `confirm` in the journal has nothing to guard and exits.
  await writeJournal(journal);
  try {
    journal.confirm.timerPid = startConfirmTimer(journal.root, journal.runId, env);
  } catch (err) {
    journal.status = "rolled-back";
    journal.reason = `could not start the confirm timer: ${(err as Error).message}`;
    await writeJournal(journal);
    throw new TimerStartError((err as Error).message);
  }
  await writeJournal(journal);
}

async function rollBackNow(root: string, runId: string, reason: string): Promise<boolean> {
  const release = await acquireLock(root);
  try {
    const journal = await readJournal(root, runId);
    return (await rollbackRun(journal, reason)).ok;
  } finally {
    await release();
  }
}

/** Reads files and links, never writes: which steps would run and which already hold. */
async function dryRun(plan: Plan, root: string, netns: string | null, io: CliIo): Promise<number> {
  const checks = await checkPlanFiles(plan, root);
  const notes = new Map<number, string>();
  const old = new Map<string, string | null>();
  for (const f of plan.files) {
    try {
      const cur = await readCurrentFile(hostPath(root, f.path));
      old.set(f.path, cur.content === null ? null : cur.content.toString("utf8"));
    } catch {
      old.set(f.path, null);
    }
  }
  const ip = createIpRunner(netns);
  const net = new NetExecutor(ip);
  // Later network steps act on links the earlier ones create, so once one would run, a failed read of a
  // later one only means "not there yet" for a link an earlier step creates; a link nothing creates and
  // the host does not have makes the real apply fail there (and roll back), which the dry run must say.
  let netWouldRun = false;
  const created = new Set<string>();
  const missing: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === "file") {
      const c = checks.find((x) => x.path === step.path);
      notes.set(step.id, c?.status === "done" ? "already done" : c?.status === "stale" ? `STALE: ${c.detail}` : "would do");
    } else {
      try {
        const holds = (await net.prepare(step.do)).holds;
        notes.set(step.id, holds ? "already holds" : "would do");
        netWouldRun ||= !holds;
      } catch (err) {
        const absent: string[] = [];
        for (const dev of interfaceNamesOf(step.do)) if (!created.has(dev) && (await readLink(ip, dev).catch(() => null)) === null) absent.push(dev);
        if (absent.length > 0) {
          notes.set(step.id, `WOULD FAIL: ${absent.join(" and ")} ${absent.length === 1 ? "does" : "do"} not exist${netns ? ` in ${netns}` : ""} and no earlier step creates ${absent.length === 1 ? "it" : "them"}`);
          missing.push(...absent);
        } else notes.set(step.id, netWouldRun ? "would do" : `cannot check now: ${(err as Error).message}`);
      }
      if (step.do.op === "bridge-create") created.add(step.do.bridge);
    }
  }
  io.stdout(`Dry run: nothing is changed.\n${renderPlanText({ ...plan, root }, old, notes)}`);
  if (checks.some((c) => c.status === "stale")) {
    io.stderr("xencfg apply: the plan is stale: the host changed after it was made; apply would refuse it.\n");
    return EXIT_FINDINGS;
  }
  const absentLinks = [...new Set(missing)];
  if (absentLinks.length > 0) {
    io.stderr(`xencfg apply: ${absentLinks.join(", ")} ${absentLinks.length === 1 ? "does" : "do"} not exist${netns ? ` in network namespace ${netns}` : " on this host"}: apply would fail at that step and roll back (was the plan made for another namespace or host?).\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
