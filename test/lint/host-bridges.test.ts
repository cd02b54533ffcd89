import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDomainConfig } from "../../src/domain/domain-config.js";
import type { XenTree } from "../../src/host/read-host.js";
import { readHosts } from "../../src/host/read-host.js";
import { bridgesOf, eraOf, erasOf, resolveVifBridge, type HostBridges } from "../../src/lint/host-bridges.js";
import { parseXenVersion } from "../../src/lint/xen-version.js";
import { parseXendConfig } from "../../src/xend/xend-config.js";
import type { InterfaceName } from "../../src/script/interface-name.js";
import { generateNetworkWrapper } from "../../src/script/network-wrapper.js";

function tree(xend: string | undefined, scripts: Record<string, string> = {}, xl?: string): XenTree {
  return {
    dir: "etc/xen",
    xend: xend === undefined ? undefined : parseXendConfig(xend, { file: "etc/xen/xend-config.sxp" }),
    xlConf: xl === undefined ? undefined : parseDomainConfig(xl, { file: "etc/xen/xl.conf" }),
    guests: [],
    scriptsDir: Object.keys(scripts).length ? "etc/xen/scripts" : undefined,
    scripts: new Map(Object.entries(scripts)),
  };
}

/** Per era: `3.0: xenbr0/eth0 (network-script) complete`. */
function show(views: HostBridges[]): string[] {
  return views.map((v) => `${v.era}: ${v.bridges.map((b) => `${b.name}${b.netdev ? `/${b.netdev}` : ""} (${b.source.kind})`).join(", ") || "-"} ${v.complete ? "complete" : "incomplete"}`);
}

const v = (s: string) => parseXenVersion(s)!;

describe("erasOf", () => {
  it("checks every xend era without --xen, one with it, none for loose guests", () => {
    expect(erasOf(tree("(dom0-cpus 0)\n"), undefined)).toEqual(["3.0", "3.2", "4.1"]);
    expect(erasOf(tree(undefined, {}, ""), undefined)).toEqual(["xl"]);
    expect(erasOf(tree(undefined), undefined)).toEqual([]);
    expect(["3.0", "3.1", "3.2", "4.0", "4.1", "4.4", "4.5", "xl"].map((s) => eraOf(v(s)))).toEqual(["3.0", "3.0", "3.2", "3.2", "4.1", "4.1", "xl", "xl"]);
  });
});

describe("bridgesOf", () => {
  it("applies network-bridge's defaults of each version", () => {
    expect(show(bridgesOf(tree("(network-script network-bridge)\n")))).toEqual(["3.0: xenbr0/eth0 (network-script) complete", "3.2: - incomplete", "4.1: - incomplete"]);
    expect(show(bridgesOf(tree("(network-script 'network-bridge vifnum=1')\n"), { xen: v("3.0") }))).toEqual(["3.0: xenbr1/eth1 (network-script) complete"]);
    expect(show(bridgesOf(tree("(network-script 'network-bridge netdev=eth1')\n")))).toEqual([
      "3.0: xenbr0/eth1 (network-script) complete",
      "3.2: eth1/eth1 (network-script) complete",
      "4.1: eth1/eth1 (network-script) complete",
    ]);
    expect(show(bridgesOf(tree("(network-script 'network-bridge bridge=null')\n"), { xen: v("4.1") }))).toEqual(["4.1: - incomplete"]);
  });

  it("says why a list is incomplete", () => {
    const [view] = bridgesOf(tree("(network-script network-bridge)\n"), { xen: v("3.2") });
    expect(view!.unknown).toEqual([expect.stringMatching(/default route/)]);
    const [wrapped] = bridgesOf(tree("(network-script network-wrapper)\n", { "network-wrapper": "ifup br0\n" }), { xen: v("3.2") });
    expect(wrapped!.unknown).toEqual(["network-wrapper line 1 runs ifup, which may bring up bridges xencfg cannot see"]);
    const [missing] = bridgesOf(tree("(network-script network-wrapper)\n", { "network-bridge": "" }), { xen: v("3.2") });
    expect(missing!.unknown).toEqual(["network-script network-wrapper is not in etc/xen/scripts, so the bridges it builds are unknown"]);
  });

  it("adds declared bridges and xl.conf's default; xl is complete only with declared bridges", () => {
    expect(show(bridgesOf(tree("(network-script network-route)\n"), { xen: v("3.2"), declared: ["br0"] }))).toEqual(["3.2: br0 (declared) complete"]);
    expect(show(bridgesOf(tree("(network-script network-route)\n"), { xen: v("3.2") }))).toEqual(["3.2: - incomplete"]);
    expect(show(bridgesOf(tree(undefined, {}, 'vif.default.bridge = "br1"\n'), { declared: ["br0"] }))).toEqual(["xl: br0 (declared), br1 (xl.conf) complete"]);
    expect(show(bridgesOf(tree(undefined, {}, 'defaultbridge = "br1"\n')))).toEqual(["xl: br1 (xl.conf) incomplete"]);
  });

  it("reads the two-nic sample host: xenbr0 on eth0 and xenbr1 on eth1, from its wrapper", async () => {
    const read = await readHosts(["samples/two-nic/etc/xen"], { cwd: new URL("../..", import.meta.url).pathname });
    const views = bridgesOf(read.trees[0]!, { xen: v("3.0") });
    expect(views[0]!.complete).toBe(true);
    expect(views[0]!.bridges.map((b) => ({ name: b.name, netdev: b.netdev, source: b.source }))).toEqual([
      { name: "xenbr0", netdev: "eth0", source: { kind: "wrapper", script: "network-wrapper", line: 5, how: "network-bridge" } },
      { name: "xenbr1", netdev: "eth1", source: { kind: "wrapper", script: "network-wrapper", line: 6, how: "network-bridge" } },
    ]);
  });

  it("reads a generated iproute2 wrapper named by absolute path under /etc/xen/scripts", () => {
    const text = readFileSync(new URL("../fixtures/wrapper/iproute2-two/output.sh", import.meta.url), "utf8");
    const views = bridgesOf(tree("(network-script /etc/xen/scripts/network-wrapper)\n", { "network-wrapper": text }), { xen: v("4.1") });
    // Each bridge's one port (`ip link set dev NIC master BRIDGE`) is its NIC.
    expect(show(views)).toEqual(["4.1: xenbr0/eth0 (wrapper), xenbr1/eth1 (wrapper) complete"]);
  });

  const ownWrapper = (form: "iproute2" | "network-bridge") =>
    tree("(network-script network-wrapper)\n", {
      "network-wrapper": generateNetworkWrapper({
        form,
        pairs: [
          { bridge: "xenbr0" as InterfaceName, netdev: "eth0" as InterfaceName },
          { bridge: "xenbr1" as InterfaceName, netdev: "eth1" as InterfaceName },
        ],
        scriptsDir: "/etc/xen/scripts",
        wrapperPath: "/etc/xen/scripts/network-wrapper",
      }),
    });
  const plain = (views: HostBridges[]) => show(views).map((s) => s.replace(/ \((wrapper)\)/g, ""));

  it("reads back xencfg's iproute2 wrapper, bridges with their NICs, in every era", () => {
    expect(plain(bridgesOf(ownWrapper("iproute2")))).toEqual(["3.0", "3.2", "4.1"].map((e) => `${e}: xenbr0/eth0, xenbr1/eth1 complete`));
  });

  it("reads back xencfg's network-bridge wrapper, bridges with their NICs, before Xen 4.1", () => {
    expect(plain(bridgesOf(ownWrapper("network-bridge"), { xen: v("3.0") }))).toEqual(["3.0: xenbr0/eth0, xenbr1/eth1 complete"]);
    expect(plain(bridgesOf(ownWrapper("network-bridge"), { xen: v("4.0") }))).toEqual(["3.2: xenbr0/eth0, xenbr1/eth1 complete"]);
  });

  // From Xen 4.1 `network-bridge start` returns at once when any bridge exists (edf9a6a284;
  // xen-formats.md section 5), so the wrapper's second call builds nothing and the host has xenbr0 only.
  it("reads back xencfg's network-bridge wrapper on Xen 4.1 as its first bridge only", () => {
    expect(plain(bridgesOf(ownWrapper("network-bridge"), { xen: v("4.1") }))).toEqual(["4.1: xenbr0/eth0 complete"]);
  });

  it("takes a wrapper-built bridge's NIC only when it has exactly one port", () => {
    const of = (text: string) => show(bridgesOf(tree("(network-script w)\n", { w: text }), { xen: v("4.1") }));
    expect(of("brctl addbr br1\nbrctl addif br1 eth1\n")).toEqual(["4.1: br1/eth1 (wrapper) complete"]);
    expect(of("ip link add br1 type bridge\nip link set eth1 master br1\nip link set dev eth2 up master br1\n")).toEqual(["4.1: br1 (wrapper) complete"]);
    // A port of a bridge the wrapper did not build says nothing about the wrapper's bridges.
    expect(of("ip link add br1 type bridge\nip link set dev eth1 master br0\n")).toEqual(["4.1: br1 (wrapper) complete"]);
  });

  it("marks network-bridge without netdev= or bridge= (3.2+) as named after the default-route NIC", () => {
    const views = bridgesOf(tree("(network-script network-bridge)\n"));
    expect(views.map((x) => [x.era, x.defaultRoute.length, x.unknown.length])).toEqual([["3.0", 0, 0], ["3.2", 1, 1], ["4.1", 1, 1]]);
    const wrapper = bridgesOf(tree("(network-script w)\n", { w: '/etc/xen/scripts/network-bridge "$@"\nifup br9\n' }), { xen: v("4.0") })[0]!;
    expect(wrapper.defaultRoute).toEqual(["w line 1: network-bridge without netdev= or bridge= names its bridge after the NIC holding the default route (Xen 3.2 and later), which xencfg cannot see"]);
    expect(wrapper.unknown).toHaveLength(2);
    expect(bridgesOf(tree("(network-script 'network-bridge bridge=br0')\n"), { xen: v("4.0") })[0]!.defaultRoute).toEqual([]);
  });

  it("does not take xend-pci-quirks.sxp for xend's config", () => {
    const quirks = readFileSync(new URL("../../../shared/corpus/xen/xend-pci-quirks.sxp.xen-4.0.0", import.meta.url), "utf8");
    const t = tree(quirks);
    t.xend = parseXendConfig(quirks, { file: "xend-pci-quirks.sxp" });
    expect(erasOf(t, undefined)).toEqual([]);
  });
});

describe("resolveVifBridge", () => {
  const vif = (spec: string) => parseDomainConfig(`vif = [ '${spec}' ]\n`).vifs[0]!;
  const t = tree("(network-script 'network-bridge netdev=eth1')\n");
  const [v30, v32] = bridgesOf(t);

  it("maps xenbrN to an ethN bridge from Xen 3.2 on only", () => {
    expect(resolveVifBridge(vif("bridge=xenbr1"), t, v32!)).toEqual({ name: "xenbr1", found: true, mappedTo: "eth1" });
    expect(resolveVifBridge(vif("bridge=xenbr1"), t, v30!)).toEqual({ name: "xenbr1", found: false });
    expect(resolveVifBridge(vif("bridge=xenbr0"), t, v30!)).toEqual({ name: "xenbr0", found: true });
  });

  it("takes the first bridge for a vif without bridge= (xend), and skips routed vifs", () => {
    expect(resolveVifBridge(vif("mac=00:16:3e:00:00:01"), t, v30!)).toEqual({ name: undefined, found: true });
    expect(resolveVifBridge(vif("bridge=br9, script=vif-route"), t, v30!)).toBeUndefined();
    expect(resolveVifBridge(vif("bridge=br9, script=/etc/xen/scripts/my-vif"), t, v30!)).toBeUndefined();
  });

  it("uses xl.conf's default bridge, else xenbr0, with xl", () => {
    const xlTree = tree(undefined, {}, 'vif.default.bridge = "br1"\n');
    const [xl] = bridgesOf(xlTree, { declared: ["br0"] });
    expect(resolveVifBridge(vif(""), xlTree, xl!)).toEqual({ name: "br1", found: true });
    const bare = tree(undefined, {}, "");
    const [xl2] = bridgesOf(bare, { declared: ["br0"] });
    expect(resolveVifBridge(vif(""), bare, xl2!)).toEqual({ name: "xenbr0", found: false });
  });
});
