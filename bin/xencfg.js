#!/usr/bin/env node
// The CLI entry: all logic lives in src/cli/main.ts so tests can drive it in-process. It runs from the
// bundle (scripts/bundle.js) with V8's code cache for it (src/cli/bundle-loader.ts): loading one bundle
// instead of hundreds of modules, and deserialising its bytecode instead of compiling it, is most of
// start-up.
import { fileURLToPath } from "node:url";
import { loadBundle } from "../dist/src/cli/bundle-loader.js";

const { run } = loadBundle(fileURLToPath(new URL("../dist/cli/main.cjs", import.meta.url))).exports;

// `xencfg lint ... | head` closes the pipe early; that is the reader's choice, not an error to report.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  cwd: process.cwd(),
  env: process.env,
  // Only called when stdin is a terminal (apply asks before it changes a host).
  prompt: async (question) => {
    const { createInterface } = await import("node:readline/promises");
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
});
