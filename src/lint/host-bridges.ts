import type { Span } from "../ast/config-document.js";
import type { DomainConfig } from "../domain/domain-config.js";
import type { VifSpec } from "../domain/vif-spec.js";
import type { XenTree } from "../host/read-host.js";
import type { ScriptCall } from "../xend/script-call.js";
import type { XendConfig } from "../xend/xend-config.js";
import { isXendConfigFile } from "./directives.js";
import { driverDomainOf, vifScriptOf } from "./guest-facts.js";
import { scriptBaseName, vifScriptFamily } from "./network-scripts.js";
import { isKnown, readWrapper, type NetworkBridgeCall, type WrapperReading } from "./shell-wrapper.js";
import { atLeast, type XenVersion } from "./xen-version.js";

/**
 * The stretches of Xen history in which the host's bridges come about differently:
 * - `3.0` (3.0, 3.1): network-bridge defaults to `bridge=xenbr${vifnum}` on `netdev=eth${vifnum}`,
 *   vifnum 0 (tools/examples/network-bridge @ RELEASE-3.0.0); vif-bridge uses `bridge=` as written.
 * - `3.2` (3.2 to 4.0): network-bridge takes `netdev` from the default route (else eth0) and names the
 *   bridge after it; vif-bridge maps a missing `xenbrN` to an `ethN` bridge.
 * - `4.1` (4.1 to 4.4): as 3.2, and network-bridge returns at once if any bridge exists (edf9a6a284).
 * - `xl`: no xend, so no network-script; bridges come from the distribution's network configuration,
 *   and a vif without `bridge=` goes to xl.conf's default bridge or xenbr0.
 */
export type XenEra = "3.0" | "3.2" | "4.1" | "xl";

export const ERA_LABEL: Readonly<Record<XenEra, string>> = {
  "3.0": "Xen 3.0 and 3.1",
  "3.2": "Xen 3.2 to 4.0",
  "4.1": "Xen 4.1 to 4.4",
  xl: "xl",
};

/** Where the linter learned that a bridge exists. */
export type BridgeSource =
  | { kind: "network-script"; doc: XendConfig; span: Span }
  | { kind: "wrapper"; script: string; line: number; how: "network-bridge" | "brctl" | "ip" | "ovs-vsctl" }
  | { kind: "declared" }
  | { kind: "xl.conf"; doc: DomainConfig; span: Span };

export interface KnownBridge {
  name: string;
  /** The NIC network-bridge enslaves to it, when known. */
  netdev?: string;
  /**
   * Xen 3.0/3.1 network-bridge's vifnum for it: the veth pair (`veth${vifnum}`/`vif0.${vifnum}`) it is
   * wired through. A wrapper that rebuilds the bridge keeps it, or a running host's pairs get swapped.
   */
  vifnum?: number;
  source: BridgeSource;
}

/** The bridges a host has under one era of Xen. */
export interface HostBridges {
  era: XenEra;
  bridges: KnownBridge[];
  /**
   * Whether `bridges` is every bridge the host's Xen would find. False when one cannot be known (a
   * network-bridge default taken from the default route, a wrapper line xencfg cannot follow, bridges
   * left to the distribution and none declared): rules then stay silent rather than guess.
   */
  complete: boolean;
  /** Why the list is not complete, for messages and --verbose. */
  unknown: string[];
  /** network-bridge calls of a wrapper that build nothing in this era (see InertCall). */
  inert: InertCall[];
  /**
   * The reasons in `unknown` that are a network-bridge call without netdev= or bridge= under Xen 3.2 or
   * later: it builds one bridge named after the NIC holding the default route, so whoever knows that NIC
   * knows the bridge (`NIC` on `NIC`). The migrate planner asks the admin for it.
   */
  defaultRoute: string[];
}

/**
 * A wrapper's network-bridge call that builds nothing, and why:
 * - `returns-early`: from Xen 4.1 (edf9a6a284) `network-bridge start` returns at once when any bridge
 *   exists, so every call after the wrapper's first bridge is inert;
 * - `vifnum-taken`: in Xen 3.0 and 3.1 a call works through the veth pair of its vifnum
 *   (`veth${vifnum}`, renamed to the NIC's name by the call that uses it first). A later call with the
 *   same vifnum finds `veth${vifnum}` gone and leaves op_start before create_bridge: it returns when its
 *   own `p${netdev}` exists, else exits 1 with "Link veth0 is missing" (tools/examples/network-bridge,
 *   3.0 and 3.1).
 */
export interface InertCall {
  /** `SCRIPT line N`, and which run of that line when it runs more than once (a loop, a function). */
  at: string;
  reason: "returns-early" | "vifnum-taken";
  /** For `vifnum-taken`: the vifnum an earlier call used. */
  vifnum?: string;
  /** The bridge the call would have built, when its arguments say. */
  bridge?: string;
}

export interface BridgesOptions {
  /** The version the user named; undefined looks at every xend era (3.0, 3.2, 4.1). */
  xen?: XenVersion;
  /** Bridges the config file declares (made by the distribution's network configuration). */
  declared?: readonly string[];
}

/** The xend config of a tree, when it is one (not xend-pci-quirks.sxp named on the command line). */
export function xendConfigOf(tree: XenTree): XendConfig | undefined {
  return tree.xend && isXendConfigFile(tree.xend) ? tree.xend : undefined;
}

/**
 * The eras a tree is checked under: none for guest files named one by one without a host config (host
 * rules stay silent); else the one `--xen` names; else every xend era when the tree has a xend config,
 * xl when it has only xl.conf.
 */
export function erasOf(tree: XenTree, xen: XenVersion | undefined): XenEra[] {
  // Guest files named one by one, without a host config: nothing says what the host has.
  if (!xendConfigOf(tree) && !tree.xlConf && tree.dir === undefined) return [];
  if (xen) return [eraOf(xen)];
  if (xendConfigOf(tree)) return ["3.0", "3.2", "4.1"];
  if (tree.xlConf) return ["xl"];
  return [];
}

export function eraOf(xen: XenVersion): XenEra {
  if (xen.xl) return "xl";
  if (!atLeast(xen, 3, 2)) return "3.0";
  if (!atLeast(xen, 4, 1)) return "3.2";
  return "4.1";
}

/**
 * Which bridges a tree's Xen finds, once per era in view (exactly one when `xen` is given), each bridge
 * with where it was learned: xend's network-script (network-bridge and its arguments, or a wrapper's
 * network-bridge calls and `ip link add`/`brctl addbr`/`ovs-vsctl add-br`), the bridges declared in the
 * config file, and xl.conf's default bridge.
 */
export function bridgesOf(tree: XenTree, options: BridgesOptions = {}): HostBridges[] {
  const declared = options.declared ?? [];
  return erasOf(tree, options.xen).map((era) => bridgesIn(tree, era, declared));
}

function bridgesIn(tree: XenTree, era: XenEra, declared: readonly string[]): HostBridges {
  const out: HostBridges = { era, bridges: [], complete: false, unknown: [], defaultRoute: [], inert: [] };
  const add = (b: KnownBridge) => {
    if (!out.bridges.some((x) => x.name === b.name)) out.bridges.push(b);
  };
  const xend = xendConfigOf(tree);
  const script = xend ? networkScriptBridges(xend, tree, era) : undefined;
  script?.bridges.forEach(add);
  for (const name of declared) add({ name, source: { kind: "declared" } });
  const xl = xlDefaultBridge(tree);
  if (xl) add({ name: xl.name, source: { kind: "xl.conf", doc: tree.xlConf!, span: xl.span } });

  if (era === "xl") {
    // xl runs no network-script: the distribution builds the bridges, and only the config file says which.
    out.complete = declared.length > 0;
    if (!out.complete) out.unknown.push("with xl the distribution's network configuration builds the bridges; declare them in the xencfg config file");
    return out;
  }
  if (!script) {
    out.unknown.push("no xend-config.sxp in view");
    return out;
  }
  out.unknown.push(...script.unknown);
  out.defaultRoute.push(...script.defaultRoute);
  out.inert.push(...script.inert);
  out.complete = script.unknown.length === 0 && (script.builds || declared.length > 0);
  if (!script.builds && script.unknown.length === 0 && declared.length === 0) {
    out.unknown.push(BUILDS_NO_BRIDGE);
  }
  return out;
}

interface ScriptBridges {
  bridges: KnownBridge[];
  /** Whether the network-script is one that builds bridges (so the list is meant to be all of them). */
  builds: boolean;
  unknown: string[];
  /** The part of `unknown` that is network-bridge naming its bridge after the default-route NIC. */
  defaultRoute: string[];
  /** network-bridge calls that build nothing (see InertCall). */
  inert: InertCall[];
}

/** The reason a view gives when xend's network-script is one that builds no bridge and none are declared. */
export const BUILDS_NO_BRIDGE =
  "xend's network-script builds no bridge, so the distribution's network configuration must; declare its bridges in the xencfg config file";

/** Scripts that set nothing up: xend runs them so that the distribution's own bridges are left alone. */
const NO_OP_SCRIPTS = new Set(["true", "network-dummy", ":"]);

function networkScriptBridges(xend: XendConfig, tree: XenTree, era: XenEra): ScriptBridges {
  const call = xend.networkScript;
  const directive = xend.directive("network-script");
  // XendOptions (3.0 on) has no default network-script: without one xend sets up nothing.
  if (!call || !directive) return { bridges: [], builds: false, unknown: [], defaultRoute: [], inert: [] };
  const name = scriptBaseName(call.script);
  if (name === "network-bridge") {
    const made = networkBridgeResult(effectiveArgs(call), era);
    if (made.kind === "unknown") return { bridges: [], builds: true, unknown: [made.why], defaultRoute: made.defaultRoute ? [made.why] : [], inert: [] };
    if (made.kind === "none") return { bridges: [], builds: false, unknown: [], defaultRoute: [], inert: [] };
    const source: BridgeSource = { kind: "network-script", doc: xend, span: directive.span };
    return { bridges: [{ name: made.bridge, netdev: made.netdev, ...vifnumOf(made), source }], builds: true, unknown: [], defaultRoute: [], inert: [] };
  }
  if (name === "network-route" || name === "network-nat" || NO_OP_SCRIPTS.has(name)) return { bridges: [], builds: false, unknown: [], defaultRoute: [], inert: [] };
  const reading = wrapperReading(tree, call);
  if (!reading) {
    const where = tree.scriptsDir ? `is not in ${tree.scriptsDir}` : "is not in view (the tree has no scripts folder)";
    return { bridges: [], builds: true, unknown: [`network-script ${call.script} ${where}, so the bridges it builds are unknown`], defaultRoute: [], inert: [] };
  }
  const out: ScriptBridges = { bridges: [], builds: false, unknown: reading.unknowns.map((u) => `${u.script} line ${u.line} ${u.why}`), defaultRoute: [], inert: [] };
  // Whether the wrapper has built a bridge before the current event (a network-bridge call with a name
  // xencfg cannot know still builds one).
  let built = false;
  // Xen 3.0/3.1: the vifnums whose veth pair an earlier network-bridge call has taken.
  const vifnumsTaken = new Set<string>();
  const calls = reading.events.filter((e) => e.kind === "network-bridge").length;
  const runs = runLabels(reading.events);
  for (let k = 0; k < reading.events.length; k++) {
    const ev = reading.events[k]!;
    out.builds = true;
    const at = `${ev.script} line ${ev.line}${runs[k]}`;
    const wouldBuild = (): { bridge?: string } => {
      if (ev.kind !== "network-bridge" || ev.opaqueArgs) return {};
      const made = networkBridgeResult(ev.args, era);
      return made.kind === "bridge" ? { bridge: made.bridge } : {};
    };
    if (ev.kind !== "bridge" && era === "4.1" && built) {
      out.inert.push({ at, reason: "returns-early", ...wouldBuild() });
      continue;
    }
    if (ev.kind !== "bridge" && era === "3.0" && !ev.opaqueArgs && ev.args.get("bridge") !== "null") {
      const vifnum = vifnumArg(ev.args);
      if (!isKnown(vifnum)) {
        // It may reuse an earlier call's veth pair, or a later call may reuse its own.
        if (calls > 1) out.unknown.push(`${at}: its vifnum= cannot be resolved, and on Xen 3.0 and 3.1 a network-bridge call with the vifnum of an earlier call builds nothing`);
      } else if (vifnumsTaken.has(vifnum)) {
        out.inert.push({ at, reason: "vifnum-taken", vifnum, ...wouldBuild() });
        continue;
      } else {
        vifnumsTaken.add(vifnum);
      }
    }
    built = true;
    if (ev.kind === "bridge") {
      // A bridge with one port is built on that NIC (xencfg's iproute2 wrapper: `ip link set dev NIC master BRIDGE`).
      const netdev = ev.ports.length === 1 ? ev.ports[0] : undefined;
      out.bridges.push({ name: ev.name, ...(netdev === undefined ? {} : { netdev }), source: { kind: "wrapper", script: ev.script, line: ev.line, how: ev.how } });
      continue;
    }
    if (ev.opaqueArgs) {
      out.unknown.push(`${ev.script} line ${ev.line} calls network-bridge with arguments xencfg cannot resolve`);
      continue;
    }
    const made = networkBridgeResult(ev.args, era);
    if (made.kind === "unknown") {
      const why = `${ev.script} line ${ev.line}: ${made.why}`;
      out.unknown.push(why);
      if (made.defaultRoute) out.defaultRoute.push(why);
    }
    else if (made.kind === "bridge") {
      out.bridges.push({ name: made.bridge, netdev: made.netdev, ...vifnumOf(made), source: { kind: "wrapper", script: ev.script, line: ev.line, how: "network-bridge" } });
    }
  }
  return out;
}

/**
 * For each event, ` (run K)` when its line runs more than once (a loop, a function called twice), else
 * "": a bridge built on a line's first run and a call of its second run must not read as one place.
 */
function runLabels(events: readonly { script: string; line: number }[]): string[] {
  const total = new Map<string, number>();
  for (const e of events) total.set(`${e.script}\0${e.line}`, (total.get(`${e.script}\0${e.line}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  return events.map((e) => {
    const key = `${e.script}\0${e.line}`;
    const run = (seen.get(key) ?? 0) + 1;
    seen.set(key, run);
    return total.get(key)! > 1 ? ` (run ${run})` : "";
  });
}

/** network-bridge's vifnum: `vifnum=${vifnum:-0}`, so an empty value is 0 as well as a missing one. */
export function vifnumArg(args: ReadonlyMap<string, string>): string {
  const v = args.get("vifnum");
  return v === undefined || v === "" ? "0" : v;
}

/** `{ vifnum }` when there is one, to spread into a bridge record; `{}` otherwise. */
export function vifnumOf(from: { vifnum?: number }): { vifnum?: number } {
  return from.vifnum === undefined ? {} : { vifnum: from.vifnum };
}

/** The wrapper a network-script names, read; undefined when its text is not in view. */
export function wrapperReading(tree: XenTree, call: ScriptCall): WrapperReading | undefined {
  const name = scriptBaseName(call.script);
  // xend runs a bare name from /etc/xen/scripts; a path elsewhere is a file xencfg has not read.
  if (call.script.includes("/") && !/^\/etc\/xen\/scripts\/[^/]+$/.test(call.script)) return undefined;
  const text = tree.scripts.get(name);
  if (text === undefined) return undefined;
  const args = call.args.map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`));
  // Several rules ask about the same wrapper of the same tree: read it once.
  const key = `${name}\0${args.join(" ")}`;
  let cache = readings.get(tree);
  if (!cache) readings.set(tree, (cache = new Map()));
  let reading = cache.get(key);
  if (!reading) cache.set(key, (reading = readWrapper(name, text, tree.scripts, args)));
  return reading;
}

const readings = new WeakMap<XenTree, Map<string, WrapperReading>>();

/** The arguments xend passes: none when they were not quoted (it drops every value after the first). */
export function effectiveArgs(call: ScriptCall): Map<string, string> {
  const out = new Map<string, string>();
  // evalVariables evaluates them in order, so the last of a name wins.
  for (const a of call.args) if (a.value !== undefined) out.set(a.key, a.value);
  return out;
}

type NetworkBridgeResult =
  | { kind: "bridge"; bridge: string; netdev?: string; vifnum?: number }
  | { kind: "none" }
  /** `defaultRoute`: no netdev= and no bridge= from Xen 3.2: one bridge named after the default-route NIC. */
  | { kind: "unknown"; why: string; defaultRoute?: boolean };

/** What one `network-bridge start` with these arguments builds under an era. */
export function networkBridgeResult(args: ReadonlyMap<string, string>, era: XenEra): NetworkBridgeResult {
  const get = (k: string) => args.get(k);
  const known = (v: string | undefined) => v === undefined || isKnown(v);
  if (!known(get("bridge"))) return { kind: "unknown", why: "its bridge= cannot be resolved" };
  // op_start returns at once for bridge=null (all versions).
  if (get("bridge") === "null") return { kind: "none" };
  if (era === "3.0") {
    const vifnum = vifnumArg(args);
    if (!isKnown(vifnum) && get("bridge") === undefined) return { kind: "unknown", why: "its vifnum= cannot be resolved" };
    const netdev = get("netdev") ?? `eth${vifnum}`;
    const number = /^\d+$/.test(vifnum) ? Number(vifnum) : undefined;
    return { kind: "bridge", bridge: get("bridge") ?? `xenbr${vifnum}`, netdev: isKnown(netdev) ? netdev : undefined, ...(number === undefined ? {} : { vifnum: number }) };
  }
  const netdev = get("netdev");
  if (get("bridge") === undefined && (netdev === undefined || !isKnown(netdev))) {
    return {
      kind: "unknown",
      ...(netdev === undefined ? { defaultRoute: true } : {}),
      why: netdev === undefined
        ? "network-bridge without netdev= or bridge= names its bridge after the NIC holding the default route (Xen 3.2 and later), which xencfg cannot see"
        : "its netdev= cannot be resolved",
    };
  }
  return { kind: "bridge", bridge: get("bridge") ?? netdev!, netdev: netdev !== undefined && isKnown(netdev) ? netdev : undefined };
}

/** xl.conf's default bridge (`vif.default.bridge`, or the older `defaultbridge`), with its span. */
export function xlDefaultBridge(tree: XenTree): { name: string; span: Span } | undefined {
  const conf = tree.xlConf;
  if (!conf) return undefined;
  for (const key of ["vif.default.bridge", "defaultbridge"]) {
    const s = conf.setting(key);
    if (s && typeof s.value === "string" && s.value !== "") return { name: s.value, span: s.node.value.span };
  }
  return undefined;
}

/** How one vif's bridge comes out under one era. */
export interface VifBridge {
  /** The bridge name the vif asks for (vif-openvswitch's `NAME.TAG:TRUNK` cut to NAME), or the xl default. */
  name: string | undefined;
  /** Whether Xen finds a bridge for it: true, false, or undefined when that cannot be known. */
  found: boolean | undefined;
  /** The bridge vif-bridge ends up using when it maps `xenbrN` to an `ethN` bridge (Xen 3.2 and later). */
  mappedTo?: string;
}

/**
 * Where a vif lands under one era, or undefined when its hotplug script is not one that attaches it to a
 * bridge by name (vif-route, vif-nat, a custom script) or a driver domain (`backend=`) serves it.
 */
export function resolveVifBridge(vif: VifSpec, tree: XenTree, view: HostBridges, xen?: XenVersion): VifBridge | undefined {
  const script = vifScriptOf(vif, tree, xen ?? (view.era === "xl" ? { major: 4, minor: 5, xl: true } : undefined));
  const family = vifScriptFamily(script);
  if (family !== "bridge" && family !== "openvswitch") return undefined;
  // An interface served by a driver domain is bridged there, not in this host's dom0.
  if (driverDomainOf(vif) !== undefined) return undefined;
  let name = vif.bridge;
  // vif-openvswitch reads `BRIDGE[.TAG][:TRUNK[:TRUNK...]]` (its add_to_openvswitch regex).
  if (family === "openvswitch" && name !== undefined) name = name.split(/[.:]/)[0];
  // Open vSwitch keeps its bridges in its own database: only declared ones (or a wrapper's add-br) say which.
  const complete = view.complete && (family !== "openvswitch" || view.bridges.some(ovsKnown));
  if (name === undefined || name === "") {
    if (view.era === "xl") name = xlDefaultBridge(tree)?.name ?? "xenbr0";
    else {
      // vif-bridge takes the first bridge `brctl show` lists.
      if (view.bridges.length > 0) return { name: undefined, found: true };
      return { name: undefined, found: complete ? false : undefined };
    }
  }
  // A host has a handful of bridges: a search beats building a Set per vif and view.
  if (hasBridge(view, name)) return { name, found: true };
  const eth = ethBridgeFor(name);
  if (eth && view.era !== "3.0" && family === "bridge" && hasBridge(view, eth)) return { name, found: true, mappedTo: eth };
  return { name, found: complete ? false : undefined };
}

/**
 * The bridge Xen 3.2+ vif-bridge takes when the `xenbrN` a vif names does not exist: `ethN`, the name
 * network-bridge gives a bridge from 3.2 on (`eth${bridge#xenbr}`); undefined for other names.
 */
export function ethBridgeFor(name: string): string | undefined {
  return name.startsWith("xenbr") ? `eth${name.slice(5)}` : undefined;
}

function hasBridge(view: HostBridges, name: string): boolean {
  for (let i = 0; i < view.bridges.length; i++) if (view.bridges[i]!.name === name) return true;
  return false;
}

function ovsKnown(b: KnownBridge): boolean {
  return b.source.kind === "declared" || (b.source.kind === "wrapper" && b.source.how === "ovs-vsctl");
}
