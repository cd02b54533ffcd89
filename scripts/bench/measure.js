// Timing helpers for scripts/bench.js: whole processes, timed from spawn to exit.
import { spawnSync } from "node:child_process";

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export const round = (x, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

/**
 * Runs a command once with stdout discarded (a terminal or pipe would time the reader too) and returns
 * its wall time, exit status and stderr.
 */
export function runOnce(cmd, args, { cwd } = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { ms, status: r.status, signal: r.signal, error: r.error, stderr: r.stderr ?? "" };
}

/**
 * Times every case `reps` times, round-robin: on a shared machine, load that comes and goes then weighs on
 * each case alike, so the ratios between cases stay meaningful even when the absolute times move.
 * A case with `perRound` runs that many times in each round: the start-up cases last 60-150 ms, where
 * one descheduled slice moves a median of five by a tenth, and three times the runs cost under a second.
 * A case whose first run fails (exit status not in `okStatus`) is dropped and reported with its stderr.
 */
export function timeCases(cases, reps) {
  const results = new Map(cases.map((c) => [c.name, { runsMs: [], failed: undefined }]));
  for (let r = 0; r < reps; r++) {
    for (const c of cases) {
      const res = results.get(c.name);
      for (let k = 0; k < (c.perRound ?? 1) && !res.failed; k++) {
        const run = runOnce(c.cmd, c.args, c);
        const ok = run.error === undefined && (c.okStatus ?? [0]).includes(run.status);
        if (!ok) {
          res.failed = run.error ? String(run.error.message) : `exit ${run.status ?? run.signal}: ${run.stderr.trim().split("\n").slice(-5).join("\n")}`;
          break;
        }
        res.status = run.status;
        res.runsMs.push(run.ms);
      }
    }
  }
  return results;
}
