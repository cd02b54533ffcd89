// `node max-rss.js SCRIPT ARGS...` runs SCRIPT as if started as `node SCRIPT ARGS...` and, at exit, writes
// the process's peak resident set size to stderr as `xencfg-bench-max-rss-kib=N`. GNU time -v reports
// the same figure (getrusage ru_maxrss) but is not installed on every machine, CI's included.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { writeSync } from "node:fs";

const script = process.argv[2];
process.argv.splice(1, 1);
process.on("exit", () => {
  writeSync(2, `\nxencfg-bench-max-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(resolve(script)).href);
