// Writes dist/cli/main.cjs.cache, V8's code cache for the CLI bundle (see src/cli/bundle-loader.ts).
// V8 caches the bytecode of the functions compiled so far, so the bundle first runs the commands whose
// start-up matters (lint and parse, on the shipped samples, output discarded): their functions then load
// from the cache instead of being compiled in every `xencfg lint` a pre-commit hook starts.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadBundle } from "../dist/src/cli/bundle-loader.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = `${root}dist/cli/main.cjs`;

if (!readFileSync(bundle).every((b) => b < 0x80)) {
  console.error(`${bundle}: not ASCII; the loader decodes it as latin1`);
  process.exit(1);
}

const loaded = loadBundle(bundle);
const io = {
  stdout: () => {},
  stderr: () => {},
  isTTY: false,
  stderrIsTTY: false,
  stdinIsTTY: false,
  cwd: root,
  env: {},
};
// The samples are in a checkout, not in an installed package; without them the cache still holds the
// bundle's start-up code.
const samples = `${root}samples`;
const runs = [
  ["lint", "samples"],
  ["parse", "samples/two-nic/etc/xen/xend-config.sxp", "samples/two-nic/etc/xen/front1.cfg"],
];
if (existsSync(samples)) {
  for (const argv of runs) await loaded.exports.run(argv, io);
}

const cache = `${bundle}.cache`;
writeFileSync(`${cache}.tmp`, loaded.createCache());
renameSync(`${cache}.tmp`, cache);
