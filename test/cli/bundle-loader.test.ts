import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../core/corpus-files.js";

// The loader runs in a child Node with no flags of its own, as bin/xencfg.js does: V8 refuses a code
// cache made under other flags, and the test runner's own process has some.
const LOADER = join(ROOT, "dist/src/cli/bundle-loader.js");
const BUNDLE = join(ROOT, "dist/cli/main.cjs");
const SAMPLE = join(ROOT, "samples/two-nic/etc/xen/front1.cfg");

function loadAndLint(bundle: string, nodeFlags: string[] = []): { cache: string; stdout: string } {
  const script = `
    import { loadBundle } from ${JSON.stringify(LOADER)};
    const loaded = loadBundle(${JSON.stringify(bundle)});
    let out = "";
    await loaded.exports.run(["lint", ${JSON.stringify(SAMPLE)}], {
      stdout: (s) => { out += s; }, stderr: () => {}, isTTY: false, stderrIsTTY: false, stdinIsTTY: false,
      cwd: process.cwd(), env: {},
    });
    process.stdout.write(JSON.stringify({ cache: loaded.cache, stdout: out }));
  `;
  const r = spawnSync(process.execPath, [...nodeFlags, "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

function copyBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "xencfg-bundle-"));
  copyFileSync(BUNDLE, join(dir, "main.cjs"));
  copyFileSync(`${BUNDLE}.cache`, join(dir, "main.cjs.cache"));
  return dir;
}

describe("the CLI bundle's code cache", () => {
  it("is accepted for the bundle the build made it from, and the bundle runs", () => {
    const r = loadAndLint(BUNDLE);
    expect(r.cache).toBe("accepted");
    expect(r.stdout).toBe("no problems in 1 file checked\n");
  });

  it("is not offered for a bundle edited in place to the same length", () => {
    // V8 checks only the source's length: without the loader's checksum it would run the old bytecode and
    // print the old message.
    const dir = copyBuild();
    try {
      const bundle = join(dir, "main.cjs");
      const text = readFileSync(bundle, "latin1");
      expect(text).toContain("`no problems${");
      writeFileSync(bundle, text.replace("`no problems${", "`no findings${"), "latin1");
      const r = loadAndLint(bundle);
      expect(r.cache).toBe("stale");
      expect(r.stdout).toBe("no findings in 1 file checked\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is refused by V8 under other flags, and the bundle still runs", () => {
    const r = loadAndLint(BUNDLE, ["--no-opt"]);
    expect(r.cache).toBe("rejected");
    expect(r.stdout).toBe("no problems in 1 file checked\n");
  });

  it("may be missing", () => {
    const dir = copyBuild();
    try {
      rmSync(join(dir, "main.cjs.cache"));
      const r = loadAndLint(join(dir, "main.cjs"));
      expect(r.cache).toBe("missing");
      expect(r.stdout).toBe("no problems in 1 file checked\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
