// Round-trip check and in-process parse throughput over ../shared/corpus (or the folders given):
//   node scripts/corpus-throughput.js [DIR...]
// Prints the file count, how many print back byte for byte, and MB/s (median of 7 timed passes of 100
// parses of every file, after a warm-up), for the issue notes; `npm run bench` is the full benchmark.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseConfigFile } from "../dist/index.js";

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [new URL("../../shared/corpus", import.meta.url).pathname];
const walk = (d) => readdirSync(d).sort().flatMap((n) => {
  const p = join(d, n);
  return statSync(p).isDirectory() ? walk(p) : n.startsWith("README") ? [] : [p];
});
const files = dirs.flatMap(walk).map((f) => [f, readFileSync(f)]);
const bytes = files.reduce((sum, [, b]) => sum + b.length, 0);
let same = 0;
for (const [f, b] of files) {
  const parsed = parseConfigFile(b, f);
  if (parsed.ok && parsed.doc.toString() === b.toString("utf8")) same++;
}
for (let i = 0; i < 50; i++) for (const [f, b] of files) parseConfigFile(b, f);
const rates = [];
for (let run = 0; run < 7; run++) {
  const start = performance.now();
  for (let i = 0; i < 100; i++) for (const [f, b] of files) parseConfigFile(b, f);
  rates.push((bytes * 100) / 1e6 / ((performance.now() - start) / 1000));
}
rates.sort((a, b) => a - b);
console.log(`${files.length} files, ${bytes} bytes; round trip byte for byte: ${same}/${files.length}`);
console.log(`parse throughput (decode + parse + typed view): median ${rates[3].toFixed(1)} MB/s (min ${rates[0].toFixed(1)}, max ${rates[6].toFixed(1)})`);
