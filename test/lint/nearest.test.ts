import { describe, expect, it } from "vitest";
import { distance, nearest } from "../../src/lint/nearest.js";
import { KNOWN_VIF_KEYS } from "../../src/domain/vif-spec.js";

describe("nearest", () => {
  it("finds typos, swaps, case and prefix matches", () => {
    expect(nearest("brigde", KNOWN_VIF_KEYS)).toBe("bridge");
    expect(nearest("MAC", KNOWN_VIF_KEYS)).toBe("mac");
    expect(nearest("vifnmae", KNOWN_VIF_KEYS)).toBe("vifname");
    expect(nearest("antispoofing", ["vifnum", "bridge", "netdev", "antispoof"])).toBe("antispoof");
  });

  it("suggests nothing when nothing is close", () => {
    expect(nearest("bandwidth", KNOWN_VIF_KEYS)).toBeUndefined();
    expect(nearest("x", ["mac", "ip"])).toBeUndefined();
    expect(nearest("anything", [])).toBeUndefined();
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(distance("brigde", "bridge")).toBe(1);
    expect(distance("kitten", "sitting")).toBe(3);
    expect(distance("", "abc")).toBe(3);
  });
});
