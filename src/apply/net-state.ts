import type { MovedAddress, MovedRoute } from "../plan/types.js";
import { IpError, type IpRunner } from "./ip-runner.js";

/** What the applier needs to know of one link, read with `ip -j -d link show`. */
export interface LinkState {
  name: string;
  kind: string | null;
  address: string;
  master: string | null;
  up: boolean;
}

interface IpJsonLink {
  ifname: string;
  address?: string;
  master?: string;
  flags?: string[];
  linkinfo?: { info_kind?: string };
}

interface IpJsonAddr {
  family: string;
  local: string;
  address?: string;
  prefixlen: number;
  broadcast?: string;
  scope?: string;
  dynamic?: boolean;
  noprefixroute?: boolean;
  secondary?: boolean;
  valid_life_time?: number;
  preferred_life_time?: number;
}

interface IpJsonRoute {
  type?: string;
  dst: string;
  gateway?: string;
  metric?: number;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  table?: string;
  flags?: string[];
}

const FOREVER = 4294967295;

/** Reads one link; null when it does not exist. */
export async function readLink(ip: IpRunner, name: string): Promise<LinkState | null> {
  let out: string;
  try {
    out = await ip.run(["-j", "-d", "link", "show", "dev", name]);
  } catch (err) {
    if (err instanceof IpError && /does not exist|Cannot find device/i.test(err.stderr)) return null;
    throw err;
  }
  const [link] = JSON.parse(out || "[]") as IpJsonLink[];
  if (!link) return null;
  return {
    name: link.ifname,
    kind: link.linkinfo?.info_kind ?? null,
    address: (link.address ?? "").toLowerCase(),
    master: link.master ?? null,
    up: (link.flags ?? []).includes("UP"),
  };
}

/**
 * Addresses worth moving to a bridge: IPv4 ones and global IPv6 ones. Link-local IPv6 addresses are the
 * kernel's own, derived from the MAC, and the bridge gets its own when it comes up.
 *
 * The order matters: primary IPv4 addresses come before secondary ones (the kernel lists them so already;
 * the sort makes sure). Adding in this order gives each address its old role back, as the first address
 * of a subnet becomes its primary; deleting in the reverse order removes secondaries before their primary,
 * whose deletion would otherwise take them along (net.ipv4.conf.*.promote_secondaries=0, the default).
 */
export async function readMovableAddresses(ip: IpRunner, dev: string): Promise<MovedAddress[]> {
  const out = await ip.run(["-j", "addr", "show", "dev", dev]);
  const [link] = JSON.parse(out || "[]") as { addr_info?: IpJsonAddr[] }[];
  const moved: MovedAddress[] = [];
  const infos = link?.addr_info ?? [];
  for (const a of [...infos.filter((i) => !i.secondary), ...infos.filter((i) => i.secondary)]) {
    if (a.family !== "inet" && a.family !== "inet6") continue;
    if (a.scope === "host" || a.scope === "link" && a.family === "inet6") continue;
    const m: MovedAddress = { family: a.family, local: a.local, prefixlen: a.prefixlen };
    if (a.address && a.address !== a.local) m.peer = a.address;
    if (a.broadcast) m.broadcast = a.broadcast;
    if (a.scope && a.scope !== "global") m.scope = a.scope;
    // A finite lifetime is what a DHCP client leaves behind; keeping it keeps the address dynamic.
    if (a.valid_life_time !== undefined && a.valid_life_time !== FOREVER) {
      m.validLft = a.valid_life_time;
      m.preferredLft = Math.min(a.preferred_life_time ?? a.valid_life_time, a.valid_life_time);
    }
    if (a.noprefixroute) m.noprefixroute = true;
    moved.push(m);
  }
  return moved;
}

/**
 * Routes through the device that the kernel will not recreate by itself: not the prefix and local routes
 * it derives from addresses ("kernel"), not router-advertisement ones ("ra").
 */
export async function readMovableRoutes(ip: IpRunner, dev: string): Promise<MovedRoute[]> {
  const moved: MovedRoute[] = [];
  for (const family of ["inet", "inet6"] as const) {
    const out = await ip.run([family === "inet" ? "-4" : "-6", "-j", "route", "show", "dev", dev, "table", "all"]);
    for (const r of JSON.parse(out || "[]") as IpJsonRoute[]) {
      if (r.type && r.type !== "unicast") continue;
      if (r.protocol === "kernel" || r.protocol === "ra") continue;
      const m: MovedRoute = { family, dst: r.dst };
      if (r.gateway) m.gateway = r.gateway;
      if (r.metric !== undefined) m.metric = r.metric;
      if (r.protocol) m.protocol = r.protocol;
      if (r.scope && r.scope !== "global") m.scope = r.scope;
      if (r.prefsrc) m.prefsrc = r.prefsrc;
      if (r.table && r.table !== "main") m.table = r.table;
      if (r.flags?.includes("onlink")) m.onlink = true;
      moved.push(m);
    }
  }
  return moved;
}

export function sameAddress(a: MovedAddress, b: MovedAddress): boolean {
  return a.family === b.family && a.local === b.local && a.prefixlen === b.prefixlen;
}

export function sameRoute(a: MovedRoute, b: MovedRoute): boolean {
  return a.family === b.family && a.dst === b.dst && (a.table ?? "main") === (b.table ?? "main") && a.metric === b.metric && a.gateway === b.gateway;
}
