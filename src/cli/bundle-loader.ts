import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";

/**
 * Loads the CLI bundle (dist/cli/main.cjs) with V8's code cache for it (dist/cli/main.cjs.cache, written
 * by the build). Start-up is most of a one-file `xencfg lint` in a pre-commit hook, and most of start-up
 * was V8 compiling the bundle's functions: with the cache they are deserialised instead of compiled.
 * Node 20 has no module.enableCompileCache (Node 22), hence a CommonJS bundle run through node:vm,
 * which takes cached data.
 *
 * V8 checks a cache against the Node version, the V8 flags and the source's length, not its content, so
 * a bundle edited in place to the same length would run stale bytecode. The cache's header therefore
 * holds the CRC-32 of the bundle it was made from; a cache for other bytes is not offered to V8.
 */

const MAGIC = 0x31434358; // "XCC1", little-endian
const HEADER_BYTES = 8;

export type CacheState = "accepted" | "rejected" | "stale" | "missing";

export interface LoadedBundle<T> {
  exports: T;
  /** What became of the code cache: used, refused by V8 (other Node or flags), made for other bytes, absent. */
  cache: CacheState;
  /** The cache V8 would write now, holding every function compiled so far (for the build's warm-up). */
  createCache(): Buffer;
}

export function loadBundle<T>(bundlePath: string, cachePath = `${bundlePath}.cache`): LoadedBundle<T> {
  const bytes = readFileSync(bundlePath);
  const sum = crc32(bytes);
  let cachedData: Buffer | undefined;
  let cache: CacheState = "missing";
  try {
    const file = readFileSync(cachePath);
    if (file.length > HEADER_BYTES && file.readUInt32LE(0) === MAGIC && file.readUInt32LE(4) === sum) {
      cachedData = file.subarray(HEADER_BYTES);
    } else {
      cache = "stale";
    }
  } catch {
    // No cache (a build without the warm-up, or a read-only copy that lost it): compile as usual.
  }
  // esbuild writes ASCII only (non-ASCII characters become escapes), so latin1 is an exact, cheaper decode.
  const source = `(function (exports, require, module, __filename, __dirname) {${bytes.toString("latin1")}\n})`;
  const script = new Script(source, { filename: bundlePath, cachedData });
  if (cachedData) cache = script.cachedDataRejected ? "rejected" : "accepted";
  const module = { exports: {} as T };
  const body = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  body(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return {
    exports: module.exports,
    cache,
    createCache: () => {
      const header = Buffer.alloc(HEADER_BYTES);
      header.writeUInt32LE(MAGIC, 0);
      header.writeUInt32LE(sum, 4);
      return Buffer.concat([header, script.createCachedData()]);
    },
  };
}
