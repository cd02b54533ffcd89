import { IpError, type IpRunner } from "../../src/apply/ip-runner.js";

/**
 * An in-memory stand-in for `ip`, covering exactly the commands the applier runs, so the step logic
 * (idempotence, rollback at every failpoint, crash recovery) is tested on machines without root too.
 * The namespace tests check the same things against the real kernel.
 */

interface FakeLink {
  kind: string | null;
  address: string;
  master: string | null;
  up: boolean;
}

interface FakeAddr {
  family: "inet" | "inet6";
  local: string;
  prefixlen: number;
  broadcast?: string;
  scope: string;
  valid: number;
  preferred: number;
}

interface FakeRoute {
  family: "inet" | "inet6";
  dst: string;
  gateway?: string;
  dev: string;
  metric?: number;
  table?: string;
  protocol?: string;
}

const FOREVER = 4294967295;

export class FakeIp implements IpRunner {
  readonly netns = null;
  links = new Map<string, FakeLink>();
  addrs = new Map<string, FakeAddr[]>();
  routes: FakeRoute[] = [];
  calls: string[][] = [];
  private macs = 0;

  addNic(name: string, address: string): this {
    this.links.set(name, { kind: "veth", address, master: null, up: true });
    this.addrs.set(name, []);
    return this;
  }

  state(): object {
    return {
      links: [...this.links].sort(([a], [b]) => a.localeCompare(b)),
      addrs: [...this.addrs].filter(([, a]) => a.length).sort(([a], [b]) => a.localeCompare(b)),
      routes: [...this.routes].map((r) => JSON.stringify(r)).sort(),
    };
  }

  async run(args: readonly string[]): Promise<string> {
    this.calls.push([...args]);
    let a = [...args];
    let family: "inet" | "inet6" | undefined;
    let json = false;
    while (a[0]?.startsWith("-")) {
      const f = a.shift()!;
      if (f === "-4") family = "inet";
      else if (f === "-6") family = "inet6";
      else if (f === "-j") json = true;
    }
    const [obj, verb, ...rest] = a;
    const fail = (msg: string): never => {
      throw new IpError(args, msg);
    };
    const dev = (name: string | undefined) => this.links.get(name ?? "") ?? fail(`Device "${name}" does not exist.`);
    const opt = (key: string) => {
      const i = rest.indexOf(key);
      return i >= 0 ? rest[i + 1] : undefined;
    };
    if (obj === "link" && verb === "show") {
      const name = opt("dev")!;
      const l = dev(name);
      return JSON.stringify([{ ifname: name, address: l.address, ...(l.master ? { master: l.master } : {}), flags: l.up ? ["UP"] : [], ...(l.kind ? { linkinfo: { info_kind: l.kind } } : {}) }]);
    }
    if (obj === "link" && verb === "add") {
      const name = opt("name")!;
      if (this.links.has(name)) fail("RTNETLINK answers: File exists");
      this.links.set(name, { kind: opt("type") ?? null, address: `02:00:00:00:00:${(++this.macs).toString(16).padStart(2, "0")}`, master: null, up: false });
      this.addrs.set(name, []);
      return "";
    }
    if (obj === "link" && verb === "del") {
      const name = opt("dev")!;
      dev(name);
      this.links.delete(name);
      this.addrs.delete(name);
      this.routes = this.routes.filter((r) => r.dev !== name);
      for (const l of this.links.values()) if (l.master === name) l.master = null;
      return "";
    }
    if (obj === "link" && verb === "set") {
      const l = dev(opt("dev"));
      if (rest.includes("address")) l.address = opt("address")!;
      else if (rest.includes("master")) l.master = opt("master")!;
      else if (rest.includes("nomaster")) l.master = null;
      else if (rest.includes("up")) l.up = true;
      else if (rest.includes("down")) l.up = false;
      return "";
    }
    if (obj === "addr" && verb === "show") {
      const name = opt("dev")!;
      dev(name);
      const info = this.addrs.get(name)!.map((x) => ({
        family: x.family,
        local: x.local,
        prefixlen: x.prefixlen,
        ...(x.broadcast ? { broadcast: x.broadcast } : {}),
        scope: x.scope,
        ...(x.valid !== FOREVER ? { dynamic: true } : {}),
        valid_life_time: x.valid,
        preferred_life_time: x.preferred,
      }));
      return JSON.stringify([{ ifname: name, addr_info: info }]);
    }
    if (obj === "addr" && (verb === "add" || verb === "del")) {
      const [local, prefix] = rest[0]!.split("/");
      const name = opt("dev")!;
      dev(name);
      const list = this.addrs.get(name)!;
      const fam = family ?? (local!.includes(":") ? "inet6" : "inet");
      const i = list.findIndex((x) => x.local === local && x.prefixlen === Number(prefix));
      if (verb === "del") {
        if (i < 0) fail("RTNETLINK answers: Cannot assign requested address");
        list.splice(i, 1);
        return "";
      }
      if (i >= 0) fail("RTNETLINK answers: File exists");
      const valid = opt("valid_lft");
      list.push({ family: fam, local: local!, prefixlen: Number(prefix), broadcast: opt("broadcast"), scope: opt("scope") ?? "global", valid: valid ? Number(valid) : FOREVER, preferred: valid ? Number(opt("preferred_lft")) : FOREVER });
      return "";
    }
    if (obj === "route" && verb === "show") {
      const name = opt("dev")!;
      dev(name);
      const out = this.routes
        .filter((r) => r.dev === name && r.family === family)
        .map((r) => ({ dst: r.dst, ...(r.gateway ? { gateway: r.gateway } : {}), ...(r.metric !== undefined ? { metric: r.metric } : {}), ...(r.protocol ? { protocol: r.protocol } : {}), ...(r.table ? { table: r.table } : {}), flags: [] }));
      return json ? JSON.stringify(out) : "";
    }
    if (obj === "route" && (verb === "replace" || verb === "del")) {
      const dst = rest[0]!;
      const name = opt("dev")!;
      const l = dev(name);
      const metric = opt("metric") === undefined ? undefined : Number(opt("metric"));
      const table = opt("table");
      const fam = family ?? "inet";
      const same = (r: FakeRoute) => r.family === fam && r.dst === dst && r.metric === metric && r.table === table;
      if (verb === "del") {
        const i = this.routes.findIndex((r) => same(r) && r.dev === name);
        if (i < 0) fail("RTNETLINK answers: No such process");
        this.routes.splice(i, 1);
        return "";
      }
      if (!l.up) fail("RTNETLINK answers: Network is down");
      this.routes = this.routes.filter((r) => !same(r));
      this.routes.push({ family: fam, dst, ...(opt("via") ? { gateway: opt("via") } : {}), dev: name, ...(metric !== undefined ? { metric } : {}), ...(table ? { table } : {}), ...(opt("proto") ? { protocol: opt("proto") } : {}) });
      return "";
    }
    return fail(`fake ip does not know: ${args.join(" ")}`);
  }
}
