// In-process parse throughput of one grammar, run by scripts/bench.js in a fresh child per grammar so a
// figure does not depend on what was allocated before it (the parsers' cost is mostly allocation, and a
// heap holding other work makes every collection dearer).
// `node parse-throughput.js sxp FILE REPS` or `node parse-throughput.js domain|vif GUEST_DIR REPS` prints JSON.
//
// Each grammar is timed through the library surface a caller uses (dist/index.js):
// - sxp: parseXendConfig on the large xend-config.sxp (lexer, parser, typed directives);
// - domain: parseDomainConfig on every guest file (lexer, statement splitter, parser, typed settings);
// - vif: the `.vifs` of every parsed guest (the vif grammar runs lazily, on first use of `.vifs`),
//   measured on the bytes of the vif strings themselves.
// Warm-up passes are discarded; the median (and the best) of the passes after them is reported.
// MB is 10^6 bytes.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDomainConfig, parseXendConfig } from "../../dist/index.js";
import { median, round } from "./measure.js";

const [grammar, input, repsArg] = process.argv.slice(2);
const reps = Math.max(1, Number(repsArg ?? 5));

const guests = () =>
  readdirSync(input)
    .filter((n) => n.endsWith(".cfg"))
    .sort()
    .map((n) => ({ file: join(input, n), text: readFileSync(join(input, n), "utf8") }));

/**
 * Three warm-up passes (V8 optimises the parsers' hot functions after a few calls), then at least `reps`
 * passes and at least one second of them, at most 50: a pass over the large sxp file takes a few
 * milliseconds, where a descheduled slice on a busy machine would swing a median of three.
 */
function measure(bytes, once) {
  for (let w = 0; w < 3; w++) once();
  const runs = [];
  const cpuRuns = [];
  let spent = 0;
  while (runs.length < reps || (spent < 1000 && runs.length < 50)) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    once();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const cpu = process.cpuUsage(c);
    runs.push(ms);
    cpuRuns.push((cpu.user + cpu.system) / 1000);
    spent += ms;
  }
  return summary(bytes, runs, cpuRuns);
}

/**
 * Wall-clock figures, and the process's CPU time per pass beside them: on a machine shared with other
 * work, wall time also counts the slices this process waited for a core, CPU time does not.
 */
function summary(bytes, runs, cpuRuns) {
  const ms = median(runs);
  const best = Math.min(...runs);
  const cpuMs = median(cpuRuns);
  const mbPerS = (t) => round(bytes / 1e6 / (t / 1000));
  return { bytes, passes: runs.length, medianMs: round(ms), bestMs: round(best), cpuMedianMs: round(cpuMs), mbPerS: mbPerS(ms), bestMbPerS: mbPerS(best), cpuMbPerS: mbPerS(cpuMs) };
}

const utf8 = (s) => Buffer.byteLength(s);

let sink = 0;
let result;
if (grammar === "sxp") {
  const text = readFileSync(input, "utf8");
  result = measure(utf8(text), () => {
    sink += parseXendConfig(text, { file: input }).directives.length;
  });
} else if (grammar === "domain") {
  const files = guests();
  result = measure(files.reduce((n, g) => n + utf8(g.text), 0), () => {
    for (const g of files) sink += parseDomainConfig(g.text, { file: g.file }).settings.length;
  });
} else if (grammar === "vif") {
  // Fresh documents each pass (`.vifs` is computed once per document), parsed untimed.
  const files = guests();
  const docsFor = () => files.map((g) => parseDomainConfig(g.text, { file: g.file }));
  let bytes = 0;
  for (const d of docsFor()) for (const v of d.vifs) bytes += utf8(v.spec);
  const runs = [];
  const cpuRuns = [];
  for (let r = 0; r <= reps; r++) {
    const docs = docsFor();
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    for (const d of docs) sink += d.vifs.length;
    const cpu = process.cpuUsage(c);
    if (r > 0) {
      runs.push(Number(process.hrtime.bigint() - t) / 1e6);
      cpuRuns.push((cpu.user + cpu.system) / 1000);
    }
  }
  result = summary(bytes, runs, cpuRuns);
} else {
  process.stderr.write("usage: parse-throughput.js sxp FILE REPS | domain DIR REPS | vif DIR REPS\n");
  process.exit(2);
}

process.stdout.write(`${JSON.stringify({ grammar, reps, ...result, sink: sink > 0 })}\n`);
