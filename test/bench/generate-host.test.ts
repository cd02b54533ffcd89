import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: the bench scripts are plain JavaScript without type declarations
import { benchMac, generateHost, guestConfig, seededRandom } from "../../scripts/bench/generate-host.js";
import { parseDomainConfig, parseXendConfig } from "../../src/index.js";

function digest(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${p.slice(dir.length)}\0`).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest("hex");
}

describe("bench host generator", () => {
  it("writes the same bytes for the same seed and different ones for another seed", () => {
    const tmp = mkdtempSync(join(tmpdir(), "xencfg-gen-"));
    try {
      generateHost(join(tmp, "a"), { guests: 60, sxpDirectives: 200, seed: 7 });
      generateHost(join(tmp, "b"), { guests: 60, sxpDirectives: 200, seed: 7 });
      generateHost(join(tmp, "c"), { guests: 60, sxpDirectives: 200, seed: 8 });
      expect(digest(join(tmp, "a"))).toBe(digest(join(tmp, "b")));
      expect(digest(join(tmp, "a"))).not.toBe(digest(join(tmp, "c")));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("gives every vif of the host its own MAC in Xen's random range", () => {
    const macs = Array.from({ length: 30_000 }, (_, i) => benchMac(i));
    expect(new Set(macs).size).toBe(macs.length);
    expect(macs.filter((m) => !/^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/.test(m))).toEqual([]);
  });

  it("writes guests xl reads without errors, in the styles real hosts use", () => {
    const rnd = seededRandom(7);
    const docs = Array.from({ length: 400 }, (_, i) => parseDomainConfig(guestConfig(i, rnd, i * 3).text, { file: `g${i}.cfg` }));
    for (const d of docs) expect(d.errors).toEqual([]);
    const vifCounts = new Set(docs.map((d) => d.vifs.length));
    expect([...vifCounts].sort()).toEqual([1, 2, 3]);
    const quotes = new Set(docs.flatMap((d) => d.vifs.map((v) => v.node.quote)));
    expect([...quotes].sort()).toEqual(['"', "'"]);
    // Multi-line vif lists, trailing commas and comments all occur.
    expect(docs.some((d) => d.vifList && d.slice(d.vifList.span).includes("\n"))).toBe(true);
    expect(docs.some((d) => d.vifList?.trailingComma)).toBe(true);
    expect(docs.every((d) => d.tree.comments.length > 0)).toBe(true);
    // Every vif names a bridge the host's network-wrapper brings up.
    for (const d of docs) for (const v of d.vifs) expect(["xenbr0", "xenbr1"]).toContain(v.bridge);
  });

  it("writes a large xend-config.sxp that parses clean, about 47 bytes a directive, no comment after a directive", () => {
    const tmp = mkdtempSync(join(tmpdir(), "xencfg-gen-"));
    try {
      const info = generateHost(tmp, { guests: 1, sxpDirectives: 2_000 });
      const text = readFileSync(info.largeSxp, "utf8");
      const doc = parseXendConfig(text, { file: info.largeSxp });
      expect(doc.errors).toEqual([]);
      expect(doc.directives).toHaveLength(2_000);
      expect(info.largeSxpBytes / 2_000).toBeGreaterThan(40);
      expect(info.largeSxpBytes / 2_000).toBeLessThan(55);
      // Augeas' Xendconfsxp lens refuses `(name value) # comment`.
      expect(text.split("\n").filter((l) => /\)\s*#/.test(l))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
