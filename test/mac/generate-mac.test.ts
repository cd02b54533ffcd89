import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateMac } from "../../src/mac/generate-mac.js";
import { LOCAL_POOL, XEN_POOL } from "../../src/mac/mac-pool.js";
import { scriptedRng, seededRng } from "./seeded-rng.js";

describe("generateMac", () => {
  it("makes 100,000 Xen addresses from the crypto source: format, prefix, fourth octet below 0x80", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const mac = generateMac();
      expect(mac).toMatch(/^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/);
      seen.add(mac);
    }
    // 100,000 draws from 2^23 collide ~590 times on average; 1,000 would mean a broken source.
    expect(seen.size).toBeGreaterThan(99_000);
  });

  it("makes 100,000 locally administered unicast addresses: first octet xxxxxx10", () => {
    const firstOctets = new Set<number>();
    for (let i = 0; i < 100_000; i++) {
      const mac = generateMac({ local: true });
      expect(mac).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
      const first = parseInt(mac.slice(0, 2), 16);
      expect(first & 0b11).toBe(0b10);
      firstOctets.add(first);
    }
    // All 64 first octets of the form xxxxxx10 appear: the 6 free bits of the first octet are used.
    expect(firstOctets.size).toBe(64);
  });

  it("maps the rng's bytes the way libxl does (fourth octet masked with 0x7f)", () => {
    expect(generateMac({ rng: scriptedRng([0xff, 0xff, 0xff]) })).toBe("00:16:3e:7f:ff:ff");
    expect(generateMac({ rng: scriptedRng([0x80, 0x00, 0x01]) })).toBe("00:16:3e:00:00:01");
    expect(generateMac({ rng: scriptedRng([0xff, 1, 2, 3, 4, 5]), local: true })).toBe("fe:01:02:03:04:05");
    expect(generateMac({ rng: scriptedRng([0x01, 1, 2, 3, 4, 5]), local: true })).toBe("02:01:02:03:04:05");
  });

  it("is reproducible with a seeded rng", () => {
    const a = Array.from({ length: 5 }, ((rng) => () => generateMac({ rng }))(seededRng(42)));
    const b = Array.from({ length: 5 }, ((rng) => () => generateMac({ rng }))(seededRng(42)));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(5);
  });

  it("always lands in its pool, whatever the rng returns", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), fc.boolean(), (bytes, local) => {
        const mac = generateMac({ rng: () => bytes, local });
        const pool = local ? LOCAL_POOL : XEN_POOL;
        const index = pool.indexOf(mac);
        expect(index).toBeDefined();
        expect(pool.at(index!)).toBe(mac);
        expect(parseInt(mac.slice(0, 2), 16) & 1).toBe(0);
      }),
    );
  });

  it("refuses an rng that returns too few bytes", () => {
    expect(() => generateMac({ rng: () => new Uint8Array(2) })).toThrow(/2 bytes, 3 asked/);
  });
});

describe("pools", () => {
  it("number their addresses in order, both ways", () => {
    expect([0, 1, 2 ** 23 - 1].map((i) => XEN_POOL.at(i))).toEqual(["00:16:3e:00:00:00", "00:16:3e:00:00:01", "00:16:3e:7f:ff:ff"]);
    expect([0, 1, 2 ** 40, 2 ** 46 - 1].map((i) => LOCAL_POOL.at(i))).toEqual([
      "02:00:00:00:00:00",
      "02:00:00:00:00:01",
      "06:00:00:00:00:00",
      "fe:ff:ff:ff:ff:ff",
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 23 - 1 }), fc.integer({ min: 0, max: 2 ** 46 - 1 }), (x, l) => {
        expect(XEN_POOL.indexOf(XEN_POOL.at(x))).toBe(x);
        expect(LOCAL_POOL.indexOf(LOCAL_POOL.at(l))).toBe(l);
      }),
    );
  });
  it("do not claim addresses outside them", () => {
    expect(XEN_POOL.indexOf("00:16:3e:80:00:00" as never)).toBeUndefined();
    expect(XEN_POOL.indexOf("00:16:3d:ff:ff:ff" as never)).toBeUndefined();
    expect(LOCAL_POOL.indexOf("00:16:3e:00:00:00" as never)).toBeUndefined();
    expect(LOCAL_POOL.indexOf("03:00:00:00:00:00" as never)).toBeUndefined();
  });
});
