// The bench's read baseline: a Node process that only reads every file under the given folders, as any
// tool must before it can check them. `xencfg lint` on a whole host is measured against this process.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let files = 0;
let bytes = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) {
      bytes += readFileSync(path).length;
      files++;
    }
  }
}
for (const dir of process.argv.slice(2)) walk(dir);
if (process.env.XENCFG_BENCH_VERBOSE) process.stdout.write(`${files} files, ${bytes} bytes\n`);
