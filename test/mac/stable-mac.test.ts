import { describe, expect, it } from "vitest";
import { stableMac } from "../../src/mac/stable-mac.js";

// Computed once with Python's hashlib from the derivation written in src/mac/stable-mac.ts, not with the
// code under test. These values are an interface (sites keep them in DHCP servers): if this table has to
// change, the change is a bug.
const GOLDEN: ReadonlyArray<[string, number, string, string]> = [
  ["web", 0, "00:16:3e:07:62:f8", "06:62:f8:ed:0b:c1"],
  ["web", 1, "00:16:3e:48:ed:d5", "4a:ed:d5:fc:ee:61"],
  ["web", 2, "00:16:3e:27:f3:8c", "a6:f3:8c:23:05:85"],
  ["web", 10, "00:16:3e:06:8d:eb", "86:8d:eb:fe:71:15"],
  ["db", 0, "00:16:3e:00:40:da", "02:40:da:e9:ae:1e"],
  ["Web", 0, "00:16:3e:30:29:01", "b2:29:01:1b:55:b4"],
  ["mail.example.org", 0, "00:16:3e:00:1b:d5", "82:1b:d5:af:4d:67"],
  ["mail.example.org", 3, "00:16:3e:71:8d:c8", "72:8d:c8:b2:8a:e8"],
  ["guest-with-a-long-name-0123456789", 7, "00:16:3e:26:12:7b", "26:12:7b:2c:5a:6e"],
  ["ünïcödé", 0, "00:16:3e:24:d5:27", "26:d5:27:60:fc:6f"],
];

describe("stableMac", () => {
  it.each(GOLDEN)("%s.%i is %s (local %s)", (name, devid, xen, local) => {
    expect(stableMac(name, devid)).toBe(xen);
    expect(stableMac(name, devid, { local: true })).toBe(local);
  });

  it("spreads 100,000 guests over the Xen pool like a uniform draw", () => {
    const n = 100_000;
    const buckets = new Array<number>(128).fill(0);
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const mac = stableMac(`guest${i}`, i % 4);
      expect(mac).toMatch(/^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/);
      buckets[parseInt(mac.slice(9, 11), 16)]!++;
      seen.add(mac);
    }
    // Chi-square of the fourth octet over 128 buckets, 127 degrees of freedom: 99.9% of uniform draws stay
    // below 181. Deterministic input, so this either always passes or always fails.
    const expected = n / 128;
    const chi2 = buckets.reduce((sum, b) => sum + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(181);
    // Birthday bound: n^2 / 2^24 = 596 expected collisions among 100,000 in 2^23 addresses.
    const collisions = n - seen.size;
    expect(collisions).toBeGreaterThan(450);
    expect(collisions).toBeLessThan(750);
  });

  it("refuses inputs the derivation does not define", () => {
    expect(() => stableMac("", 0)).toThrow(RangeError);
    expect(() => stableMac("a\nb", 0)).toThrow(RangeError);
    expect(() => stableMac("web", -1)).toThrow(RangeError);
    expect(() => stableMac("web", 1.5)).toThrow(RangeError);
  });
});
