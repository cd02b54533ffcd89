import { execFileSync } from "node:child_process";

/**
 * Network namespaces for the live tests: each test makes its own (`xcfg-<pid>-<n>`), with veth pairs
 * standing in for NICs (the dummy link type is not available on the CI machines), and deletes it in
 * afterEach even when the test failed. Nothing is configured outside namespaces the test made.
 */

export const NETNS_SUPPORT: { ok: boolean; reason: string } = probeNetns();

function probeNetns(): { ok: boolean; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: "skipped: needs root (ip netns add)" };
  const name = `xcfg-${process.pid}-probe`;
  try {
    execFileSync("ip", ["netns", "add", name], { stdio: "pipe" });
    execFileSync("ip", ["netns", "del", name], { stdio: "pipe" });
    return { ok: true, reason: "root and ip netns available" };
  } catch (err) {
    return { ok: false, reason: `skipped: ip netns does not work here (${(err as Error).message.split("\n")[0]})` };
  }
}

let counter = 0;
const made = new Set<string>();

export function ip(...args: string[]): string {
  return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function newNetns(): string {
  const name = `xcfg-${process.pid}-${++counter}`;
  ip("netns", "add", name);
  made.add(name);
  ip("-n", name, "link", "set", "lo", "up");
  return name;
}

export function deleteAllNetns(): void {
  for (const name of made) {
    try {
      ip("netns", "del", name);
    } catch {
      // already gone
    }
  }
  made.clear();
}

/**
 * A host namespace with NIC `nic` (a veth whose peer sits in a second "switch" namespace) holding
 * `static` and, optionally, a DHCP-like address with a finite lifetime, plus a default route.
 */
export function makeHost(opts: { nic?: string; subnet: number; withAddress?: boolean; dynamic?: boolean; ipv6?: boolean }): { ns: string; peerNs: string; nic: string; mac: string; gateway: string } {
  const nic = opts.nic ?? "eth1";
  const ns = newNetns();
  const peerNs = newNetns();
  ip("-n", ns, "link", "add", nic, "type", "veth", "peer", "name", `${nic}p`, "netns", peerNs);
  const gateway = `10.77.${opts.subnet}.1`;
  ip("-n", peerNs, "addr", "add", `${gateway}/24`, "dev", `${nic}p`);
  ip("-n", peerNs, "link", "set", `${nic}p`, "up");
  ip("-n", ns, "link", "set", nic, "up");
  if (opts.withAddress !== false) {
    ip("-n", ns, "addr", "add", `10.77.${opts.subnet}.2/24`, "dev", nic);
    if (opts.dynamic) ip("-n", ns, "addr", "add", `10.78.${opts.subnet}.2/24`, "dev", nic, "valid_lft", "600", "preferred_lft", "500");
    ip("-n", ns, "route", "add", "default", "via", gateway, "dev", nic);
    ip("-n", ns, "route", "add", "10.99.0.0/16", "via", gateway, "dev", nic, "metric", "7");
    if (opts.ipv6) ip("-n", ns, "-6", "addr", "add", `2001:db8:${opts.subnet}::2/64`, "dev", nic, "nodad");
  }
  const [link] = JSON.parse(ip("-n", ns, "-j", "link", "show", "dev", nic)) as { address: string }[];
  return { ns, peerNs, nic, mac: link!.address, gateway };
}

interface AddrInfo {
  family: string;
  local: string;
  prefixlen: number;
  scope: string;
  dynamic?: boolean;
  valid_life_time?: number;
}

/** The state the tests compare: links (name, kind, master, up, MAC), addresses and routes, without timers. */
export function snapshot(ns: string): object {
  const links = (JSON.parse(ip("-n", ns, "-j", "-d", "link", "show")) as { ifname: string; address: string; master?: string; flags: string[]; linkinfo?: { info_kind?: string } }[])
    .map((l) => ({ name: l.ifname, kind: l.linkinfo?.info_kind ?? null, master: l.master ?? null, up: l.flags.includes("UP"), mac: l.address }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const addrs = (JSON.parse(ip("-n", ns, "-j", "addr", "show")) as { ifname: string; addr_info: AddrInfo[] }[])
    .flatMap((l) => l.addr_info.filter((a) => a.scope !== "link" && a.scope !== "host").map((a) => `${l.ifname} ${a.local}/${a.prefixlen}${a.dynamic ? " dynamic" : ""}`))
    .sort();
  const routes = (JSON.parse(ip("-n", ns, "-4", "-j", "route", "show", "table", "main")) as { dst: string; gateway?: string; dev: string; metric?: number }[])
    .map((r) => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ""} dev ${r.dev}${r.metric ? ` metric ${r.metric}` : ""}`)
    .sort();
  return { links, addrs, routes };
}

export function linkOf(ns: string, name: string): { ifname: string; address: string; master?: string; flags: string[]; operstate: string; linkinfo?: { info_kind?: string } } | undefined {
  try {
    return (JSON.parse(ip("-n", ns, "-j", "-d", "link", "show", "dev", name)) as never[])[0];
  } catch {
    return undefined;
  }
}

export function addrsOf(ns: string, name: string): AddrInfo[] {
  const [l] = JSON.parse(ip("-n", ns, "-j", "addr", "show", "dev", name)) as { addr_info: AddrInfo[] }[];
  return (l?.addr_info ?? []).filter((a) => a.scope !== "link");
}

export function routesOf(ns: string, name: string): { dst: string; gateway?: string; metric?: number; protocol?: string }[] {
  return JSON.parse(ip("-n", ns, "-4", "-j", "route", "show", "dev", name));
}
