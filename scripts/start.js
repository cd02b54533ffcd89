// `npm start`: the main job on the shipped samples, as an admin would run it. Each step is a real
// xencfg command line; the broken samples are expected to fail, the clean ones must not.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { run } from "../dist/src/cli/main.js";

const io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stdout.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  // Diagnostics go to stdout here too.
  stderrIsTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: false,
  cwd: process.cwd(),
  env: process.env,
};

function files(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "scripts" ? [] : files(p);
    return [p];
  });
}

const plan = join(mkdtempSync(join(tmpdir(), "xencfg-start-")), "plan.json");

const steps = [
  { title: "Parse the clean sample hosts", argv: ["parse", ...files("samples/single-nic"), ...files("samples/two-nic")], expect: 0 },
  { title: "Lint the article's multi-NIC recipe as printed (a misnamed wrapper, a split vif list)", argv: ["lint", "samples/article-host/etc/xen"], expect: 1 },
  { title: "Parse the broken samples (each mistake gets a located message)", argv: ["parse", ...files("samples/broken")], expect: 1 },
  { title: "Lint the sample hosts", argv: ["lint", "samples/single-nic/etc/xen", "samples/two-nic/etc/xen"], expect: 0 },
  { title: "Lint the broken samples (syntax findings; the rest of each file is still checked)", argv: ["lint", ...files("samples/broken")], expect: 1 },
  {
    title: "Plan moving the single-NIC host to two bridges (migrate never changes the host)",
    argv: ["migrate", "--root", "samples/single-nic", "--bridge", "xenbr1=eth1", "--move", "db1.1=xenbr1", "-o", plan],
    expect: 0,
  },
  { title: "Dry-run that plan: what apply would do, touching nothing", argv: ["apply", plan, "--root", "samples/single-nic", "--dry-run"], expect: 0 },
  {
    title: "The two-NIC sample on Xen 4.0 already has both bridges: an empty plan",
    argv: ["migrate", "--root", "samples/two-nic", "--xen", "4.0", "--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1"],
    expect: 0,
  },
  {
    title: "The same host on Xen 4.1, where its wrapper's second network-bridge call builds nothing: rewrite it",
    argv: ["migrate", "--root", "samples/two-nic", "--xen", "4.1", "--bridge", "xenbr0=eth0", "--bridge", "xenbr1=eth1"],
    expect: 0,
  },
];

let failed = false;
for (const step of steps) {
  process.stdout.write(`\n== ${step.title}\n$ xencfg ${step.argv.map((a) => (/[^\w./=:-]/.test(a) ? `'${a}'` : a)).join(" ")}\n`);
  const code = await run(step.argv, io);
  if (code !== step.expect) {
    process.stdout.write(`!! expected exit ${step.expect}, got ${code}\n`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
