import { assertInterfaceName } from "../plan/interface-name.js";
import type { MovedAddress, MovedRoute, NetOp } from "../plan/types.js";
import { IpError, type IpRunner } from "./ip-runner.js";
import { type LinkState, readLink, readMovableAddresses, readMovableRoutes, sameAddress, sameRoute } from "./net-state.js";

/** What the applier learns before a network step: whether it already holds, and the concrete op and undo. */
export interface PreparedNetOp {
  holds: boolean;
  /** The op with observed state filled in (the addresses and routes about to move). */
  concrete: NetOp;
  /** What restores the state read just now; null when the step changes nothing. */
  undo: NetOp | null;
}

/**
 * Every network change xencfg makes. Each operation reads the current state first (so applying twice
 * changes nothing the second time, and an undo of a step that never ran is harmless), then runs `ip`
 * with an argument array.
 */
export class NetExecutor {
  constructor(private readonly ip: IpRunner) {}

  async prepare(op: NetOp): Promise<PreparedNetOp> {
    for (const name of interfaceNamesOf(op)) assertInterfaceName(name);
    switch (op.op) {
      case "bridge-create": {
        const link = await readLink(this.ip, op.bridge);
        if (link && link.kind !== "bridge") throw new Error(`${op.bridge} exists and is not a bridge (it is ${link.kind ?? "a plain device"})`);
        return link ? held(op) : { holds: false, concrete: op, undo: { op: "bridge-delete", bridge: op.bridge } };
      }
      case "bridge-delete": {
        const link = await readLink(this.ip, op.bridge);
        if (link && link.kind !== "bridge") throw new Error(`refusing to delete ${op.bridge}: it is not a bridge`);
        return link ? { holds: false, concrete: op, undo: { op: "bridge-create", bridge: op.bridge } } : held(op);
      }
      case "mac-copy": {
        const from = await this.mustRead(op.from);
        const to = await this.mustRead(op.to);
        return from.address === to.address ? held(op) : { holds: false, concrete: op, undo: { op: "mac-restore", dev: op.to, address: to.address } };
      }
      case "mac-restore": {
        const link = await readLink(this.ip, op.dev);
        if (!link || !op.address || link.address === op.address.toLowerCase()) return held(op);
        return { holds: false, concrete: op, undo: { op: "mac-restore", dev: op.dev, address: link.address } };
      }
      case "enslave": {
        const dev = await this.mustRead(op.dev);
        await this.mustRead(op.master);
        if (dev.master === op.master) return held(op);
        if (dev.master) throw new Error(`${op.dev} is already enslaved to ${dev.master}`);
        return { holds: false, concrete: op, undo: { op: "release", dev: op.dev } };
      }
      case "release": {
        const dev = await readLink(this.ip, op.dev);
        return !dev?.master ? held(op) : { holds: false, concrete: op, undo: { op: "enslave", dev: op.dev, master: dev.master } };
      }
      case "link-up": {
        const dev = await this.mustRead(op.dev);
        return dev.up ? held(op) : { holds: false, concrete: op, undo: { op: "link-down", dev: op.dev } };
      }
      case "link-down": {
        const dev = await readLink(this.ip, op.dev);
        return !dev?.up ? held(op) : { holds: false, concrete: op, undo: { op: "link-up", dev: op.dev } };
      }
      case "ip-config-move": {
        // A recorded op (an undo from the journal) moves back exactly what was moved, nothing more.
        const fromExists = await readLink(this.ip, op.from);
        const addresses = op.addresses ?? (fromExists ? await readMovableAddresses(this.ip, op.from) : []);
        const routes = op.routes ?? (fromExists ? await readMovableRoutes(this.ip, op.from) : []);
        if (op.addresses || op.routes) {
          const still = await this.pending(op.from, op.to, addresses, routes);
          if (!still) return held(op);
        }
        if (addresses.length === 0 && routes.length === 0) return held({ ...op, addresses, routes });
        const concrete: NetOp = { op: "ip-config-move", from: op.from, to: op.to, addresses, routes };
        return { holds: false, concrete, undo: { op: "ip-config-move", from: op.to, to: op.from, addresses, routes } };
      }
    }
  }

  async perform(op: NetOp): Promise<void> {
    switch (op.op) {
      case "bridge-create":
        await this.ip.run(["link", "add", "name", op.bridge, "type", "bridge"]);
        return;
      case "bridge-delete":
        await this.ip.run(["link", "del", "dev", op.bridge]);
        return;
      case "mac-copy": {
        const from = await this.mustRead(op.from);
        await this.ip.run(["link", "set", "dev", op.to, "address", from.address]);
        return;
      }
      case "mac-restore":
        if (op.address) await this.ip.run(["link", "set", "dev", op.dev, "address", op.address]);
        return;
      case "enslave":
        await this.ip.run(["link", "set", "dev", op.dev, "master", op.master]);
        return;
      case "release":
        await this.ip.run(["link", "set", "dev", op.dev, "nomaster"]);
        return;
      case "link-up":
        await this.ip.run(["link", "set", "dev", op.dev, "up"]);
        return;
      case "link-down":
        await this.ip.run(["link", "set", "dev", op.dev, "down"]);
        return;
      case "ip-config-move":
        await this.moveIpConfig(op.from, op.to, op.addresses ?? [], op.routes ?? []);
        return;
    }
  }

  /**
   * network-bridge's transfer_addrs and transfer_routes in one step: the addresses go onto the target
   * first and leave the source last, so the host never has no address; routes move in between, because
   * a gateway route needs the gateway's subnet on the target.
   */
  private async moveIpConfig(from: string, to: string, addresses: MovedAddress[], routes: MovedRoute[]): Promise<void> {
    const onTarget = await readMovableAddresses(this.ip, to);
    for (const a of addresses) if (!onTarget.some((t) => sameAddress(t, a))) await this.ip.run(addAddressArgs(a, to));
    for (const r of routes) await this.ip.run(routeArgs("replace", r, to));
    const leftRoutes = (await readLink(this.ip, from)) ? await readMovableRoutes(this.ip, from) : [];
    for (const r of routes) if (leftRoutes.some((l) => sameRoute(l, r))) await this.ip.run(routeArgs("del", r, from));
    const leftAddresses = (await readLink(this.ip, from)) ? await readMovableAddresses(this.ip, from) : [];
    // Secondaries before their primary (the reverse of the order they were read and added in): deleting a
    // primary IPv4 address deletes the secondaries of its subnet with it (promote_secondaries=0).
    for (const a of [...addresses].reverse()) {
      if (leftAddresses.some((l) => sameAddress(l, a))) await this.deleteAddress(a, from);
    }
  }

  /** `ip addr del`; an address that is already gone (taken along by its primary, say) counts as deleted. */
  private async deleteAddress(a: MovedAddress, dev: string): Promise<void> {
    try {
      await this.ip.run([a.family === "inet" ? "-4" : "-6", "addr", "del", `${a.local}/${a.prefixlen}`, "dev", dev]);
    } catch (err) {
      if (!(err instanceof IpError)) throw err;
      const left = (await readLink(this.ip, dev)) ? await readMovableAddresses(this.ip, dev) : [];
      if (left.some((l) => sameAddress(l, a))) throw err;
    }
  }

  /** Whether any recorded address or route is still on `from` or missing from `to`. */
  private async pending(from: string, to: string, addresses: MovedAddress[], routes: MovedRoute[]): Promise<boolean> {
    const fromAddrs = (await readLink(this.ip, from)) ? await readMovableAddresses(this.ip, from) : [];
    const toLink = await readLink(this.ip, to);
    if (!toLink) return fromAddrs.some((f) => addresses.some((a) => sameAddress(f, a)));
    const toAddrs = await readMovableAddresses(this.ip, to);
    const toRoutes = await readMovableRoutes(this.ip, to);
    return (
      addresses.some((a) => fromAddrs.some((f) => sameAddress(f, a)) || !toAddrs.some((t) => sameAddress(t, a))) ||
      routes.some((r) => !toRoutes.some((t) => sameRoute(t, r)))
    );
  }

  private async mustRead(name: string): Promise<LinkState> {
    const link = await readLink(this.ip, name);
    if (!link) throw new Error(`network device ${name} does not exist${this.ip.netns ? ` in namespace ${this.ip.netns}` : ""}`);
    return link;
  }
}

function held(op: NetOp): PreparedNetOp {
  return { holds: true, concrete: op, undo: null };
}

export function interfaceNamesOf(op: NetOp): string[] {
  switch (op.op) {
    case "bridge-create":
    case "bridge-delete":
      return [op.bridge];
    case "mac-copy":
    case "ip-config-move":
      return [op.from, op.to];
    case "enslave":
      return [op.dev, op.master];
    default:
      return [op.dev];
  }
}

function addAddressArgs(a: MovedAddress, dev: string): string[] {
  const args = [a.family === "inet" ? "-4" : "-6", "addr", "add"];
  if (a.peer) args.push(a.local, "peer", `${a.peer}/${a.prefixlen}`);
  else args.push(`${a.local}/${a.prefixlen}`);
  args.push("dev", dev);
  if (a.broadcast) args.push("broadcast", a.broadcast);
  if (a.scope) args.push("scope", a.scope);
  if (a.validLft !== undefined) args.push("valid_lft", String(a.validLft), "preferred_lft", String(a.preferredLft ?? a.validLft));
  if (a.noprefixroute) args.push("noprefixroute");
  return args;
}

function routeArgs(verb: "replace" | "del", r: MovedRoute, dev: string): string[] {
  const args = [r.family === "inet" ? "-4" : "-6", "route", verb, r.dst];
  if (r.gateway) args.push("via", r.gateway);
  args.push("dev", dev);
  if (r.table) args.push("table", r.table);
  if (r.metric !== undefined) args.push("metric", String(r.metric));
  if (verb === "replace") {
    if (r.protocol) args.push("proto", r.protocol);
    if (r.scope) args.push("scope", r.scope);
    if (r.prefsrc) args.push("src", r.prefsrc);
    if (r.onlink) args.push("onlink");
  }
  return args;
}
