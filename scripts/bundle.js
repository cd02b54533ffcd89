// Bundles the CLI into dist/cli/main.cjs for start-up: a one-file `xencfg lint` in a pre-commit hook is
// mostly module loading and compiling. Unbundled, Node resolves and compiles hundreds of files (chevrotain
// 11 alone pulls in lodash-es, ~0.4 s of imports on the 2-core CI machine); one tree-shaken bundle loads a
// fraction. It is CommonJS so that bin/xencfg.js can run it through node:vm with V8's code cache (see
// src/cli/bundle-loader.ts), written here after a warm-up run by scripts/write-code-cache.js. Each
// command's `await import()` becomes a lazily run module inside the one file: the lint engine, prettier
// and the applier are not evaluated by `xencfg parse`.
// The library entry (dist/index.js) stays tsc's output: it is imported, not started per file.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: "src/cli/main.ts" },
  outdir,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // Prettier loads its own plugins by path at run time; it is required only by `fmt`, so leaving it
  // external costs the other commands nothing.
  external: ["prettier", "prettier/*"],
  // The loader decodes the bundle as latin1, exact only for ASCII.
  charset: "ascii",
  // One module reads import.meta.url (to find bin/xencfg.js); in CommonJS that is this file's URL.
  define: { "import.meta.url": "__xencfgBundleUrl" },
  banner: { js: 'const __xencfgBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  sourcemap: "linked",
  minify: true,
  logLevel: "warning",
});

// A separate process, with no flags of its own: V8 refuses a cache made under other flags.
const warm = spawnSync(process.execPath, [`${root}scripts/write-code-cache.js`], { cwd: root, stdio: "inherit" });
if (warm.status !== 0) process.exit(warm.status ?? 1);
