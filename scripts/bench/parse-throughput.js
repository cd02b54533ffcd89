// In-process parse throughput, run by scripts/bench.js in a child of its own so the figures do not depend
// on what the bench process allocated before. `node parse-throughput.js SXP_FILE GUEST_DIR REPS` prints JSON.
//
// Each grammar is timed through the library surface a caller uses (dist/index.js):
// - sxp: parseXendConfig on the large xend-config.sxp (lexer, parser, typed directives);
// - domain: parseDomainConfig on every guest file (lexer, statement splitter, parser, typed settings);
// - vif: the `.vifs` of every parsed guest (the vif grammar runs lazily, on first use of `.vifs`),
//   measured on the bytes of the vif strings themselves.
// One warm-up pass is discarded, then the median of REPS passes is reported. MB is 10^6 bytes.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDomainConfig, parseXendConfig } from "../../dist/index.js";

const [sxpFile, guestDir, repsArg] = process.argv.slice(2);
const reps = Math.max(1, Number(repsArg ?? 5));

const sxpText = readFileSync(sxpFile, "utf8");
const guests = readdirSync(guestDir)
  .filter((n) => n.endsWith(".cfg"))
  .sort()
  .map((n) => ({ file: join(guestDir, n), text: readFileSync(join(guestDir, n), "utf8") }));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(bytes, once) {
  once();
  const runs = [];
  for (let r = 0; r < reps; r++) {
    const t = process.hrtime.bigint();
    once();
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ms = median(runs);
  return { bytes, medianMs: round(ms), runsMs: runs.map(round), mbPerS: round(bytes / 1e6 / (ms / 1000)) };
}

const round = (x) => Math.round(x * 100) / 100;
const utf8 = (s) => Buffer.byteLength(s);

let sink = 0;
const sxp = measure(utf8(sxpText), () => {
  sink += parseXendConfig(sxpText, { file: sxpFile }).directives.length;
});

const domain = measure(guests.reduce((n, g) => n + utf8(g.text), 0), () => {
  for (const g of guests) sink += parseDomainConfig(g.text, { file: g.file }).settings.length;
});

// The vif grammar: fresh documents each pass (`.vifs` is computed once per document), parsed untimed.
const docsFor = () => guests.map((g) => parseDomainConfig(g.text, { file: g.file }));
let vifBytes = 0;
for (const d of docsFor()) for (const v of d.vifs) vifBytes += utf8(v.spec);
const vifRuns = [];
for (let r = 0; r <= reps; r++) {
  const docs = docsFor();
  const t = process.hrtime.bigint();
  for (const d of docs) sink += d.vifs.length;
  if (r > 0) vifRuns.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const vifMs = median(vifRuns);
const vif = { bytes: vifBytes, medianMs: round(vifMs), runsMs: vifRuns.map(round), mbPerS: round(vifBytes / 1e6 / (vifMs / 1000)) };

process.stdout.write(`${JSON.stringify({ reps, sxp, domain, vif, files: guests.length, sink: sink > 0 })}\n`);
