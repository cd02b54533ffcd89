import { describe, expect, it } from "vitest";
import { parseBridgePairs } from "../../src/script/bridge-pair.js";

describe("parseBridgePairs", () => {
  it("reads pairs in order", () => {
    expect(parseBridgePairs(["xenbr0=eth0", "xenbr1=eth1"])).toEqual({
      ok: true,
      pairs: [
        { bridge: "xenbr0", netdev: "eth0" },
        { bridge: "xenbr1", netdev: "eth1" },
      ],
    });
  });

  it.each([
    [["xenbr0"], /--bridge "xenbr0": expected BRIDGE=NETDEV/],
    [["xenbr0=eth0=x"], /--bridge "xenbr0=eth0=x": the NIC name "eth0=x" contains "="/],
    [["=eth0"], /--bridge "=eth0": the bridge name "" is empty/],
    [["xenbr0="], /--bridge "xenbr0=": the NIC name "" is empty/],
    [["xen$br=eth0"], /--bridge "xen\$br=eth0": the bridge name "xen\$br" contains "\$"/],
    [["eth0=eth0"], /--bridge "eth0=eth0": a bridge and its NIC need different names/],
    [["xenbr0=eth0", "xenbr0=eth1"], /--bridge "xenbr0=eth1": "xenbr0" is already used by --bridge "xenbr0=eth0"/],
    [["xenbr0=eth0", "xenbr1=eth0"], /--bridge "xenbr1=eth0": "eth0" is already used by --bridge "xenbr0=eth0"/],
    [["xenbr0=eth0", "eth0=eth1"], /--bridge "eth0=eth1": "eth0" is already used/],
    [[], /name at least one bridge/],
  ])("refuses %j, naming the argument", (args, message) => {
    const r = parseBridgePairs(args);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("refuses, for network-bridge, a NIC whose p-prefixed name would not fit", () => {
    expect(parseBridgePairs(["xenbr0=abcdefghijklmn"], { networkBridge: true }).ok).toBe(true);
    expect(parseBridgePairs(["xenbr0=abcdefghijklmno"]).ok).toBe(true);
    const r = parseBridgePairs(["xenbr0=abcdefghijklmno"], { networkBridge: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/renames the NIC "abcdefghijklmno" to "pabcdefghijklmno", which is longer than 15 bytes/);
  });

  it("allows NIC=NIC only when asked (Xen 3.2-4.0 network-bridge names the bridge after the NIC)", () => {
    expect(parseBridgePairs(["eth0=eth0", "xenbr1=eth1"], { networkBridge: true, nicNamed: true })).toEqual({
      ok: true,
      pairs: [
        { bridge: "eth0", netdev: "eth0" },
        { bridge: "xenbr1", netdev: "eth1" },
      ],
    });
    const twice = parseBridgePairs(["eth0=eth0", "xenbr1=eth0"], { nicNamed: true });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.message).toMatch(/"eth0" is already used by --bridge "eth0=eth0"/);
  });
});
