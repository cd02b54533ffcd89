// Bundles the CLI into dist/cli/ for start-up: a one-file `xencfg lint` in a pre-commit hook is mostly
// module loading. Unbundled, Node resolves and compiles hundreds of files (chevrotain 11 alone pulls in
// lodash-es, ~0.4 s of imports on the 2-core CI machine); one bundle with tree-shaking loads a fraction.
// `splitting` keeps every `await import()` of a command handler a chunk of its own, so a command loads
// only what it needs (the lint engine, prettier and the applier stay out of `xencfg parse`).
// The library entry (dist/index.js) stays tsc's output: it is imported, not started per file.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: "src/cli/main.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Prettier loads its own plugins by path at run time; it is imported only by `fmt`, so leaving it
  // external costs the other commands nothing.
  external: ["prettier", "prettier/*"],
  // Chunks are named by content so a stale chunk can never be picked up by a newer entry.
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  // Bundled CommonJS (yargs' helpers) calls require(); give the ESM bundle one.
  banner: { js: 'import { createRequire as __xencfgCreateRequire } from "node:module"; const require = __xencfgCreateRequire(import.meta.url);' },
  minify: true,
  logLevel: "warning",
});
