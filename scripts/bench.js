// `npm run bench [-- --json] [-- --quick]`: how fast xencfg is on a large host, measured beside the
// baselines that say what "fast" means on this machine (docs/performance.md explains the figures).
//
// Generates a host (10,000 guests) and a large xend-config.sxp in a temp folder, then measures in one run:
// in-process parse throughput per grammar; whole processes, round-robin, median of --reps runs each:
// `node -e 0`, a Node script that only reads the host's files, `xencfg lint` on the host and on one file,
// `xencfg parse` on the large xend-config.sxp and, when installed, `augtool` parsing the same file; the
// peak memory of each xencfg process; and lint on a quarter of the host, to show lint stays linear, and on
// hosts of cloned guests (every guest collides with every other) of two sizes, to show the cross-file
// checks stay linear at their worst.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem, platform } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { generateClonedHost, generateHost } from "./bench/generate-host.js";
import { median, round, timeCases } from "./bench/measure.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin", "xencfg.js");
const here = (name) => join(root, "scripts", "bench", name);
const node = process.execPath;

const USAGE = `usage: node scripts/bench.js [--json] [--quick] [--guests N] [--sxp-directives N] [--reps N] [--keep]
  --json             print the figures as JSON (ratios to the baselines included)
  --quick            200 guests, 1,000 directives, 1 repetition: checks the bench runs, judges nothing
  --guests N         guests in the generated host (default 10000)
  --sxp-directives N directives in the large xend-config.sxp (default 10000, about 470 KB)
  --reps N           repetitions per measurement; each figure is their median (default 5)
  --keep             keep the generated files and print where they are
`;

function parseArgs(argv) {
  const opts = { json: false, quick: false, keep: false, guests: 10_000, sxpDirectives: 10_000, reps: 5 };
  const numbers = { "--guests": "guests", "--sxp-directives": "sxpDirectives", "--reps": "reps" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") opts.json = true;
    else if (a === "--quick") Object.assign(opts, { quick: true, guests: 200, sxpDirectives: 1_000, reps: 1 });
    else if (a === "--keep") opts.keep = true;
    else if (a in numbers) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a whole number above 0`);
      opts[numbers[a]] = n;
    } else if (a === "-h" || a === "--help") {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return opts;
}

/** Whether this build has `xencfg lint` (the bench also runs while it is being written). */
function hasLint() {
  return spawnSync(node, [bin, "lint", "--help"], { stdio: "ignore" }).status === 0;
}

function hasAugtool() {
  return spawnSync("augtool", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Peak RSS of one run of a Node script, in MiB, through scripts/bench/max-rss.js. */
function peakRssMiB(args) {
  const r = spawnSync(node, [here("max-rss.js"), ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const m = /xencfg-bench-max-rss-kib=(\d+)/.exec(r.stderr ?? "");
  return m ? round(Number(m[1]) / 1024, 1) : undefined;
}

function machine() {
  const c = cpus();
  return { cpu: c[0]?.model.trim() ?? "unknown", cores: c.length, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: platform() };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), "xencfg-bench-"));
  try {
    const report = bench(dir, opts);
    if (opts.keep) report.keptIn = dir;
    process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report));
    return report.failures.length > 0 ? 1 : 0;
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function bench(dir, opts) {
  const host = generateHost(dir, { guests: opts.guests, sxpDirectives: opts.sxpDirectives });
  const quarter = Math.max(1, Math.floor(opts.guests / 4));
  const small = generateHost(join(dir, "quarter"), { guests: quarter, sxpDirectives: 10 });
  const clonesSmall = Math.max(1, Math.floor(quarter / 4));
  const clones = generateClonedHost(join(dir, "clones"), quarter);
  const fewClones = generateClonedHost(join(dir, "few-clones"), clonesSmall);
  const lint = hasLint();
  const augtool = hasAugtool();
  const failures = [];

  // In-process throughput, each grammar in a child of its own (a fresh heap, no bench state).
  const parse = {};
  for (const [grammar, input] of [["sxp", host.largeSxp], ["domain", host.hostDir], ["vif", host.hostDir]]) {
    const tp = spawnSync(node, [here("parse-throughput.js"), grammar, input, String(Math.max(opts.reps, 3))], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    if (tp.status === 0) {
      const { grammar: _g, reps: _r, sink: _s, ...figures } = JSON.parse(tp.stdout);
      parse[grammar] = figures;
    } else failures.push({ case: `parse-throughput ${grammar}`, error: tp.stderr.trim().split("\n").slice(-5).join("\n") });
  }

  const augArgs = ["-r", host.largeRoot, "--noautoload", "-t", "Xendconfsxp.lns incl /etc/xen/xend-config.sxp", "print", "/augeas//error"];
  const lintOk = [0, 1];
  const cases = [
    { name: "node-start", label: "node -e 0 (baseline)", cmd: node, args: ["-e", "0"], perRound: 3 },
    { name: "read-host", label: "read the host's files (baseline)", cmd: node, args: [here("read-files.js"), host.hostDir] },
    ...(lint
      ? [
          { name: "lint-host", label: `xencfg lint on ${host.guests} guests`, cmd: node, args: [bin, "lint", host.hostDir], okStatus: lintOk },
          { name: "lint-quarter", label: `xencfg lint on ${quarter} guests`, cmd: node, args: [bin, "lint", small.hostDir], okStatus: lintOk },
          { name: "lint-one", label: "xencfg lint one.cfg", cmd: node, args: [bin, "lint", host.oneGuest], okStatus: lintOk, perRound: 3 },
          { name: "lint-clones", label: `xencfg lint on ${quarter} cloned guests`, cmd: node, args: [bin, "lint", clones.hostDir], okStatus: lintOk },
          { name: "lint-few-clones", label: `xencfg lint on ${clonesSmall} cloned guests`, cmd: node, args: [bin, "lint", fewClones.hostDir], okStatus: lintOk },
        ]
      : []),
    { name: "parse-large", label: `xencfg parse xend-config.sxp (${round(host.largeSxpBytes / 1000, 0)} KB)`, cmd: node, args: [bin, "parse", host.largeSxp] },
    ...(augtool ? [{ name: "augtool", label: "augtool, same file (peer)", cmd: "augtool", args: augArgs }] : []),
  ];
  const timed = timeCases(cases, opts.reps);

  const processes = {};
  for (const c of cases) {
    const t = timed.get(c.name);
    if (t.failed) {
      failures.push({ case: c.name, error: t.failed });
      continue;
    }
    processes[c.name] = { label: c.label, medianMs: round(median(t.runsMs), 1), runsMs: t.runsMs.map((x) => round(x, 1)), exitStatus: t.status };
  }
  // Peak memory: one extra run each, so the timed runs carry no measuring shim.
  for (const c of cases) {
    if (processes[c.name] && c.cmd === node && c.args[0] !== "-e") processes[c.name].peakRssMiB = peakRssMiB(c.args);
  }

  const ms = (name) => processes[name]?.medianMs;
  const ratio = (a, b) => (ms(a) !== undefined && ms(b) !== undefined ? round(ms(a) / ms(b)) : undefined);
  // Time per guest above one-file lint, on a host over on one a quarter its size: 1 is linear (less, as
  // V8 warms up on the larger one); a check that compares every guest with every other shows about 4.
  const perGuestRatio = (big, bigGuests, little, littleGuests) =>
    ms(big) !== undefined && ms(little) !== undefined && ms("lint-one") !== undefined && bigGuests > littleGuests
      ? round((ms(big) - ms("lint-one")) / bigGuests / ((ms(little) - ms("lint-one")) / littleGuests))
      : undefined;
  const ratios = {
    lintHostToRead: ratio("lint-host", "read-host"),
    lintOneToNodeStart: ratio("lint-one", "node-start"),
    parseLargeToAugtool: ratio("parse-large", "augtool"),
    parseLargeToNodeStart: ratio("parse-large", "node-start"),
    lintPerGuestFullToQuarter: perGuestRatio("lint-host", host.guests, "lint-quarter", quarter),
    // The same on cloned guests, where every guest is a duplicate of every other.
    clonesPerGuestFullToQuarter: perGuestRatio("lint-clones", quarter, "lint-few-clones", clonesSmall),
  };

  const target = (name, value, op, limit, unit) => ({ name, value, limit, unit, met: value === undefined ? undefined : op === "<=" ? value <= limit : value >= limit });
  const targets = [
    target("whole-host lint / read baseline", ratios.lintHostToRead, "<=", 3, "x"),
    target("one-file lint / node -e 0", ratios.lintOneToNodeStart, "<=", 2, "x"),
    target("whole-host lint peak memory", processes["lint-host"]?.peakRssMiB, "<=", 300, "MiB"),
    target("sxp parse in-process", parse.sxp?.mbPerS, ">=", 30, "MB/s"),
    target("xencfg parse process / augtool", ratios.parseLargeToAugtool, "<=", 0.6, "x"),
    target("lint per guest, host / its quarter", ratios.lintPerGuestFullToQuarter, "<=", 1.5, "x"),
    target("lint per guest, cloned host / its quarter", ratios.clonesPerGuestFullToQuarter, "<=", 1.5, "x"),
  ];
  if (!lint) for (const t of targets) if (t.name.includes("lint")) t.note = "xencfg lint is not in this build";
  if (!augtool) targets[4].note = "augtool not installed (Debian: augeas-tools)";

  return {
    machine: machine(),
    config: {
      quick: opts.quick,
      reps: opts.reps,
      guests: host.guests,
      vifs: host.vifs,
      guestBytes: host.guestBytes,
      quarterGuests: quarter,
      clonedGuests: [quarter, clonesSmall],
      sxpDirectives: host.sxpDirectives,
      sxpBytes: host.largeSxpBytes,
      lint,
      augtool,
    },
    parse,
    processes,
    ratios,
    targets,
    failures,
  };
}

function renderTable(r) {
  const out = [];
  const c = r.config;
  out.push(`xencfg bench: ${c.guests} guests (${c.vifs} vifs, ${round(c.guestBytes / 1e6)} MB), xend-config.sxp of ${c.sxpDirectives} directives (${round(c.sxpBytes / 1000, 0)} KB); median of ${c.reps} run(s)`);
  out.push(`machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node} on ${r.machine.platform}`);
  out.push("");
  if (Object.keys(r.parse).length > 0) {
    out.push("in-process parse (library API)       MB/s   best MB/s   CPU MB/s   median ms      bytes");
    for (const [name, p] of Object.entries(r.parse)) {
      out.push(`  ${name.padEnd(34)} ${String(p.mbPerS).padStart(6)} ${String(p.bestMbPerS).padStart(11)} ${String(p.cpuMbPerS).padStart(10)} ${String(p.medianMs).padStart(11)} ${String(p.bytes).padStart(10)}`);
    }
    out.push("");
  }
  out.push("process                                         median ms   peak RSS MiB");
  for (const p of Object.values(r.processes)) out.push(`  ${p.label.padEnd(46)} ${String(p.medianMs).padStart(9)} ${String(p.peakRssMiB ?? "").padStart(14)}`);
  out.push("");
  out.push("ratios");
  for (const [k, v] of Object.entries(r.ratios)) if (v !== undefined) out.push(`  ${k.padEnd(34)} ${v}`);
  out.push("");
  out.push("targets (issue 7; judged only on a full run)");
  for (const t of r.targets) {
    const state = t.met === undefined ? "n/a " : t.met ? "met " : "MISS";
    out.push(`  ${state} ${t.name.padEnd(44)} ${t.value ?? "-"}${t.value !== undefined ? ` ${t.unit}` : ""} (target ${t.unit === "MB/s" ? ">=" : "<="} ${t.limit} ${t.unit})${t.note ? `: ${t.note}` : ""}`);
  }
  for (const f of r.failures) out.push(`\nFAILED ${f.case}: ${f.error}`);
  if (r.keptIn) out.push(`\ngenerated files kept in ${r.keptIn}`);
  return `${out.join("\n")}\n`;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
