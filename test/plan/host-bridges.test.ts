import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseXendConfig } from "../../src/xend/xend-config.js";
import { bridgesOfWrapper, hostBridges } from "../../src/plan/host-bridges.js";
import { generateNetworkWrapper } from "../../src/script/network-wrapper.js";
import type { InterfaceName } from "../../src/script/interface-name.js";

const pairs = [
  { bridge: "xenbr0" as InterfaceName, netdev: "eth0" as InterfaceName },
  { bridge: "xenbr1" as InterfaceName, netdev: "eth1" as InterfaceName },
];
const names = (ps: { bridge: string; netdev: string }[]) => ps.map((p) => `${p.bridge}=${p.netdev}`);

describe("the bridges a host's config builds", () => {
  it("reads network-bridge arguments and Xen 3.0's defaults", () => {
    const of = (text: string) => {
      const r = hostBridges(parseXendConfig(text), new Map());
      return r.ok ? names(r.pairs) : r.message;
    };
    expect(of("(network-script network-bridge)\n")).toEqual(["xenbr0=eth0"]);
    expect(of("(logfile /var/log/xen/xend.log)\n")).toEqual(["xenbr0=eth0"]);
    expect(of("(network-script 'network-bridge netdev=eth1')\n")).toEqual(["xenbr0=eth1"]);
    expect(of('(network-script "network-bridge vifnum=2")\n')).toEqual(["xenbr2=eth2"]);
    expect(of("(network-script 'network-bridge bridge=br-pub netdev=bond0')\n")).toEqual(["br-pub=bond0"]);
    expect(of("(network-script network-route)\n")).toMatch(/routed or NAT networking/);
    expect(of("(network-script my-wrapper)\n")).toMatch(/not in the scripts folder/);
  });

  it("reads back both forms of xencfg's own wrapper", () => {
    for (const form of ["iproute2", "network-bridge"] as const) {
      const text = generateNetworkWrapper({ form, pairs, scriptsDir: "/etc/xen/scripts", wrapperPath: "/etc/xen/scripts/network-wrapper" });
      expect(names(bridgesOfWrapper(text, "network-wrapper")), form).toEqual(["xenbr0=eth0", "xenbr1=eth1"]);
      // Without the header line, from the calls themselves.
      const body = text.replace(/^# Bridges: .*$/m, "#");
      expect(names(bridgesOfWrapper(body, "network-wrapper")), `${form} without header`).toEqual(["xenbr0=eth0", "xenbr1=eth1"]);
    }
  });

  it("reads a hand-written wrapper (the two-NIC sample's), ignoring comments and stop calls", () => {
    const sample = readFileSync(resolve(__dirname, "../../samples/two-nic/etc/xen/scripts/network-wrapper"), "utf8");
    expect(names(bridgesOfWrapper(sample, "network-wrapper"))).toEqual(["xenbr0=eth0", "xenbr1=eth1"]);
    const text = "#!/bin/sh\n# network-bridge netdev=eth9 bridge=old\n/etc/xen/scripts/network-bridge $1 netdev=eth0 bridge=xenbr0\n/etc/xen/scripts/network-bridge stop netdev=eth5 bridge=xenbr5\n";
    expect(names(bridgesOfWrapper(text, "w"))).toEqual(["xenbr0=eth0"]);
  });
});
