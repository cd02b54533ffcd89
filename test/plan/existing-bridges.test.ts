import { describe, expect, it } from "vitest";
import type { XenTree } from "../../src/host/read-host.js";
import { parseXenVersion } from "../../src/lint/xen-version.js";
import { existingBridges, type RequestedPair } from "../../src/plan/existing-bridges.js";
import { parseXendConfig } from "../../src/xend/xend-config.js";

function tree(xend: string, scripts: Record<string, string> = {}): XenTree {
  return {
    dir: "/etc/xen",
    xend: parseXendConfig(xend, { file: "/etc/xen/xend-config.sxp" }),
    xlConf: undefined,
    guests: [],
    scriptsDir: "/etc/xen/scripts",
    scripts: new Map(Object.entries(scripts)),
  };
}

const pairs = (...args: string[]): RequestedPair[] => args.map((a) => ({ bridge: a.split("=")[0]!, netdev: a.split("=")[1]! }));

/** `xenbr0=eth0 xenbr1=eth1 [3.0 3.2]`, or the errors joined. */
function existing(xend: string, xen?: string, confirm: string[] = [], scripts: Record<string, string> = {}): string {
  const r = existingBridges(tree(xend, scripts), xen ? parseXenVersion(xen) : undefined, pairs(...confirm), "/etc/xen/xend-config.sxp");
  return r.ok ? `${r.pairs.map((p) => `${p.bridge}=${p.netdev}`).join(" ")} [${r.eras.join(" ")}]` : r.errors.join("\n");
}

describe("the bridges a host has before migrate", () => {
  it("takes the eras' common answer when they agree and know every NIC", () => {
    expect(existing("(network-script 'network-bridge netdev=eth0 bridge=xenbr0')\n")).toBe("xenbr0=eth0 [3.0 3.2 4.1]");
    // Confirmations of the same bridges change nothing.
    expect(existing("(network-script 'network-bridge bridge=br-pub netdev=bond0')\n", undefined, ["br-pub=bond0", "xenbr1=eth1"])).toBe("br-pub=bond0 [3.0 3.2 4.1]");
  });

  it("applies Xen 3.0's defaults only with --xen 3.0 (or 3.1)", () => {
    expect(existing("(network-script network-bridge)\n", "3.0")).toBe("xenbr0=eth0 [3.0]");
    expect(existing('(network-script "network-bridge vifnum=2")\n', "3.1")).toBe("xenbr2=eth2 [3.0]");
    // Unquoted arguments are dropped by xend: plain network-bridge.
    expect(existing("(network-script network-bridge netdev=eth1)\n", "3.0")).toBe("xenbr0=eth0 [3.0]");
  });

  it("refuses when the eras disagree, until --xen or a confirmation settles it", () => {
    const text = "(network-script network-bridge)\n";
    const refused = existing(text);
    expect(refused).toMatch(/^xencfg cannot tell which bridges the host has now:\n  Xen 3.0 and 3.1: xenbr0 on eth0 \(network-script network-bridge\): --bridge xenbr0=eth0\n/);
    expect(refused).toMatch(/Xen 3.2 to 4.0, Xen 4.1 to 4.4: network-bridge without netdev= or bridge= names its bridge after the NIC holding the default route/);
    expect(refused).toMatch(/Name the host's Xen with --xen VERSION, or confirm each bridge the host has now with --bridge BRIDGE=NETDEV/);
    // A new bridge alone confirms nothing.
    expect(existing(text, undefined, ["xenbr1=eth1"])).toMatch(/cannot tell/);
    expect(existing(text, undefined, ["xenbr0=eth0", "xenbr1=eth1"])).toBe("xenbr0=eth0 [3.0]");
    expect(existing(text, undefined, ["eth0=eth0", "xenbr1=eth1"])).toBe("eth0=eth0 [3.2 4.1]");
    // netdev= alone: xenbr0 in 3.0, a bridge named eth1 from 3.2.
    expect(existing("(network-script 'network-bridge netdev=eth1')\n")).toMatch(/Xen 3.0 and 3.1: xenbr0 on eth1 .*\n  Xen 3.2 to 4.0, Xen 4.1 to 4.4: eth1 on eth1 /);
    expect(existing("(network-script 'network-bridge netdev=eth1')\n", undefined, ["eth1=eth1"])).toBe("eth1=eth1 [3.2 4.1]");
    expect(existing("(network-script 'network-bridge netdev=eth1')\n", "3.2")).toBe("eth1=eth1 [3.2]");
  });

  it("asks for the default-route NIC from Xen 3.2 on: --bridge NIC=NIC", () => {
    const text = "(network-script network-bridge)\n";
    expect(existing(text, "4.1")).toMatch(/^xencfg cannot tell which bridges the host has now:\n  Xen 4.1 to 4.4: .*--bridge NIC=NIC for that NIC\nConfirm each bridge/);
    expect(existing(text, "4.1", ["xenbr1=eth1"])).toMatch(/cannot tell/);
    expect(existing(text, "3.2", ["eth0=eth0", "xenbr1=eth1"])).toBe("eth0=eth0 [3.2]");
    // NIC=NIC where nothing is named after its NIC.
    expect(existing(text, "3.0", ["eth1=eth1"])).toBe("xenbr0=eth0 [3.0]");
    expect(existing("(network-script 'network-bridge netdev=eth0 bridge=xenbr0')\n", "3.2", ["eth1=eth1"])).toBe("xenbr0=eth0 [3.2]");
  });

  it("takes a named bridge's NIC from its confirmation", () => {
    const text = "(network-script 'network-bridge bridge=br-pub')\n";
    expect(existing(text, "4.0")).toMatch(/br-pub on a NIC xencfg cannot tell \(network-script network-bridge\): --bridge br-pub=NETDEV/);
    expect(existing(text, "4.0", ["br-pub=bond0"])).toBe("br-pub=bond0 [3.2]");
    expect(existing("(network-script w)\n", "4.1", ["br1=eth1"], { w: "brctl addbr br1\n" })).toBe("br1=eth1 [4.1]");
    // A NIC the reading knows must be confirmed as it is.
    expect(existing("(network-script 'network-bridge netdev=eth0 bridge=xenbr0')\n", "4.1", ["xenbr0=eth1"])).toBe("xenbr0=eth0 [4.1]");
  });

  it("takes the admin's list for a wrapper it cannot fully read, once it confirms what the reading names", () => {
    const w = { w: "#!/bin/sh\n/etc/xen/scripts/network-bridge \"$@\" netdev=eth0 bridge=xenbr0\nifup br-dmz\n" };
    const refused = existing("(network-script w)\n", "4.1", ["br-dmz=eth2"], w);
    expect(refused).toMatch(/Xen 4.1 to 4.4: w line 3 runs ifup, which may bring up bridges xencfg cannot see; xenbr0 on eth0 \(scripts\/w line 2\): --bridge xenbr0=eth0/);
    expect(existing("(network-script w)\n", "4.1", ["xenbr0=eth0", "br-dmz=eth2"], w)).toBe("xenbr0=eth0 [4.1]");
    // Nothing named: nothing to confirm.
    expect(existing("(network-script w)\n", "4.1", ["xenbr0=eth0"], { w: "ifup br0\n" })).toBe(
      "xencfg cannot tell which bridges network-script w builds: w line 1 runs ifup, which may bring up bridges xencfg cannot see. Make it a script xencfg can read (or regenerate it with xencfg wrapper) and run migrate again.",
    );
    expect(existing("(network-script my-wrapper)\n", undefined, ["xenbr0=eth0"])).toMatch(/^xencfg cannot tell which bridges network-script my-wrapper builds: network-script my-wrapper is not in \/etc\/xen\/scripts, so the bridges it builds are unknown\. Make it/);
  });

  it("refuses hosts where xend builds no bridge", () => {
    expect(existing("(dom0-cpus 0)\n", "3.0", ["xenbr0=eth0"])).toMatch(/^\/etc\/xen\/xend-config.sxp has no network-script, so xend builds no bridge \(Xen 3.0 and later have no default\)/);
    expect(existing("(network-script network-route)\n")).toMatch(/routed or NAT networking/);
    expect(existing("(network-script 'network-nat dhcp=yes')\n")).toMatch(/routed or NAT networking/);
    expect(existing("(network-script 'network-bridge bridge=null')\n")).toMatch(/network-script network-bridge builds no bridge/);
    expect(existing("(network-script /bin/true)\n")).toMatch(/network-script \/bin\/true builds no bridge/);
  });
});
