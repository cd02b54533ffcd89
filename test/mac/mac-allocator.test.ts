import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MacAllocator } from "../../src/mac/mac-allocator.js";
import { macFromNumber, type MacAddress } from "../../src/mac/mac-address.js";
import { type MacPool, XEN_POOL } from "../../src/mac/mac-pool.js";
import { nextFreeMac } from "../../src/mac/next-free-mac.js";
import { stableMac } from "../../src/mac/stable-mac.js";
import { scriptedRng, seededRng } from "./seeded-rng.js";

const mac = (s: string) => s as MacAddress;

/** The first 256 addresses of the Xen pool, one random byte each: small enough to fill in a test. */
const TINY_POOL: MacPool = {
  kind: "xen",
  size: 256,
  bytesNeeded: 1,
  fromBytes: (b) => XEN_POOL.at(b[0]!),
  indexOf: (m) => {
    const i = XEN_POOL.indexOf(m);
    return i !== undefined && i < 256 ? i : undefined;
  },
  at: (i) => XEN_POOL.at(i),
};

describe("MacAllocator.random", () => {
  it("never repeats and never returns a used address (property)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer({ min: 0, max: 4095 }), { maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (seed, usedIdx, count) => {
        // Used addresses crowd the first 4,096 of the pool; the rng is biased the same way (one byte 0).
        const a = new MacAllocator({ rng: ((r) => (n: number) => Uint8Array.from(r(n), (b, i) => (i === 0 ? 0 : b)))(seededRng(seed)) });
        const used = new Set(usedIdx.map((i) => XEN_POOL.at(i)));
        for (const u of used) a.markUsed(u);
        const out = Array.from({ length: count }, () => a.random());
        expect(new Set(out).size).toBe(count);
        for (const m of out) expect(used.has(m)).toBe(false);
      }),
    );
  });

  it("finds the last free addresses of a dense pool, then says it is full (property over seeds)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }), (seed, freeIdx) => {
        // 256 addresses, all but 1-8 used: most draws miss, so the walk after 64 misses is exercised too.
        const a = new MacAllocator({ pool: TINY_POOL, rng: seededRng(seed) });
        const free = new Set(freeIdx.map((i) => TINY_POOL.at(i)));
        for (let i = 0; i < 256; i++) if (!free.has(TINY_POOL.at(i))) a.markUsed(TINY_POOL.at(i));
        expect(a.available).toBe(free.size);
        const got = Array.from({ length: free.size }, () => a.random());
        expect(new Set(got)).toEqual(free);
        expect(a.available).toBe(0);
        expect(() => a.random()).toThrow(/every address of the xen pool is in use/);
      }),
    );
  });

  it("walks past the end of the pool to its start", () => {
    const a = new MacAllocator({ rng: scriptedRng([0x7f, 0xff, 0xff]) });
    a.markUsed(mac("00:16:3e:7f:ff:ff"));
    for (let i = 1; i < 64; i++) a.markUsed(XEN_POOL.at(i));
    // Every draw names 7f:ff:ff (used); the walk wraps to 00:00:00, then skips the 63 used after it.
    expect(a.random()).toBe("00:16:3e:00:00:00");
    expect(a.random()).toBe("00:16:3e:00:00:40");
  });

  it("counts only its own pool's addresses as making it full", () => {
    const a = new MacAllocator();
    a.markUsed(mac("52:54:00:12:34:56"));
    a.markUsed(mac("00:16:3e:00:00:01"));
    a.markUsed(mac("00:16:3e:00:00:01"));
    expect(a.available).toBe(2 ** 23 - 1);
    expect(a.isUsed(mac("52:54:00:12:34:56"))).toBe(true);
  });
});

describe("MacAllocator.stable", () => {
  it("gives the derived address when it is free", () => {
    const a = new MacAllocator();
    expect(a.stable("web", 0)).toEqual({ mac: "00:16:3e:07:62:f8", derived: "00:16:3e:07:62:f8", moved: false });
    expect(a.isUsed(mac("00:16:3e:07:62:f8"))).toBe(true);
  });

  it("keeps an address the same guest and device already hold", () => {
    const a = new MacAllocator();
    a.markUsed(stableMac("web", 0), { guest: "web", devid: 0, source: "web.cfg:3" });
    expect(a.stable("web", 0)).toEqual({ mac: stableMac("web", 0), derived: stableMac("web", 0), moved: false });
    // ... once: a second request in the same run gets another address.
    expect(a.stable("web", 0).moved).toBe(true);
  });

  it("moves a taken address to the next free one, deterministically, and says who had it", () => {
    const derived = stableMac("web", 0);
    const run = () => {
      const a = new MacAllocator({ rng: seededRng(Math.random() * 1e9) });
      a.markUsed(derived, { guest: "db", devid: 1, source: "/etc/xen/db.cfg:4" });
      a.markUsed(mac("00:16:3e:07:62:f9"));
      return a.stable("web", 0);
    };
    const first = run();
    expect(first).toEqual({
      mac: "00:16:3e:07:62:fa",
      derived,
      moved: true,
      takenBy: { guest: "db", devid: 1, source: "/etc/xen/db.cfg:4" },
    });
    expect(run()).toEqual(first);
  });

  it("never hands the same address to two devices", () => {
    const a = new MacAllocator();
    const macs = new Set<string>();
    for (let g = 0; g < 300; g++) for (let d = 0; d < 4; d++) macs.add(a.stable(`g${g}`, d).mac);
    expect(macs.size).toBe(1200);
    // Asked again in the same run (two guest files with one name), the address is not repeated.
    const again = a.stable("g0", 0);
    expect(again.moved).toBe(true);
    expect(macs.has(again.mac)).toBe(false);
  });
});

describe("nextFreeMac", () => {
  it("starts at the start and wraps", () => {
    const used = new Set(["00:16:3e:7f:ff:fe", "00:16:3e:7f:ff:ff"]);
    expect(nextFreeMac(XEN_POOL, mac("00:16:3e:00:00:05"), (m) => used.has(m))).toBe("00:16:3e:00:00:05");
    expect(nextFreeMac(XEN_POOL, mac("00:16:3e:7f:ff:fe"), (m) => used.has(m))).toBe("00:16:3e:00:00:00");
    expect(() => nextFreeMac(XEN_POOL, mac("52:54:00:00:00:00"), () => false)).toThrow(/not in the xen pool/);
    expect(macFromNumber(0x00163e000000)).toBe("00:16:3e:00:00:00");
  });
});
