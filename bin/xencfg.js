#!/usr/bin/env node
// The CLI entry: all logic lives in src/cli/main.ts so tests can drive it in-process. It runs from the
// bundle (scripts/bundle.js): loading one bundle instead of hundreds of modules is most of start-up.
import { run } from "../dist/cli/main.js";

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  cwd: process.cwd(),
  env: process.env,
});
