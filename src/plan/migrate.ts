import type { DomainConfig } from "../domain/domain-config.js";
import { contentHash } from "./hash.js";
import { type ExistingBridge, existingBridges } from "./existing-bridges.js";
import { liveBridgeSteps } from "./live-steps.js";
import { nonBridgeVif } from "./non-bridge-vif.js";
import type { Plan, PlanFile, PlanStep } from "./types.js";
import { PLAN_VERSION } from "./types.js";
import type { XendConfig } from "../xend/xend-config.js";
import { atLeast, isSupportedXen, type XenVersion } from "../lint/xen-version.js";
import { scriptBaseName } from "../lint/network-scripts.js";
import { ethBridgeFor } from "../lint/host-bridges.js";
import { parseBridgePairs } from "../script/bridge-pair.js";
import { type InterfaceName, validateInterfaceName } from "../script/interface-name.js";
import { generateNetworkWrapper, type WrapperForm } from "../script/network-wrapper.js";
import { DEFAULT_SCRIPTS_DIR } from "../script/xend-directive.js";

export const WRAPPER_NAME = "network-wrapper";
export const WRAPPER_PATH = `${DEFAULT_SCRIPTS_DIR}/${WRAPPER_NAME}`;

/** One file of the host as migrate sees it: its host path (null when it lies outside the root) and mode. */
export interface HostFile<D> {
  path: string | null;
  shown: string;
  doc: D;
  mode: number;
}

/** The host, read by read-migration-host.ts: what the planner computes from, and nothing else. */
export interface MigrationHost {
  root: string;
  xend: HostFile<XendConfig>;
  guests: (HostFile<DomainConfig> & { name: string })[];
  scripts: ReadonlyMap<string, string | undefined>;
  /** Files that did not parse or could not be read, as messages: a host with any is refused. */
  problems: string[];
}

/** What a NIC looks like now, for --live (read with `ip`, never changed by migrate). */
export interface LiveNic {
  exists: boolean;
  master: string | null;
  up: boolean;
  hasAddresses: boolean;
  /** The gateways of the default routes through it (IPv4 and IPv6); empty when none. */
  defaultGateways?: string[];
}

export interface LiveBridge {
  exists: boolean;
  isBridge: boolean;
  up: boolean;
}

export interface LiveReader {
  nic(name: string): Promise<LiveNic>;
  bridge(name: string): Promise<LiveBridge>;
}

export interface MigrateRequest {
  bridges: readonly string[];
  moves: readonly string[];
  live: boolean;
  pinDefault: boolean;
  /** How the wrapper builds bridges; undefined: network-bridge before Xen 4.1 (with --xen), else iproute2. */
  form?: WrapperForm;
  /** The host's Xen (--xen); undefined: every xend era, and their common answer. */
  xen?: XenVersion;
  now: Date;
}

export type MigrateResult =
  | { ok: true; plan: Plan; oldContents: Map<string, string | null> }
  /** `usage`: the command line is malformed (exit 2); otherwise the host does not allow the change (exit 1). */
  | { ok: false; usage: boolean; errors: string[] };

interface Move {
  arg: string;
  pattern: string;
  devid: number | undefined;
  bridge: string;
}

/**
 * Turns a single-bridge host (or a multi-bridge one) into a plan: the network-wrapper from the generator,
 * `network-script` pointed at it, `bridge=` on each moved vif, and with --live the steps that build the
 * new bridges now. Every file edit is a minimal edit of the parsed document, so comments, spacing,
 * quote style and untouched lines stay as they were. A host that already has all of it gives an empty plan.
 */
export async function planMigration(host: MigrationHost, req: MigrateRequest, live?: LiveReader): Promise<MigrateResult> {
  const refuse = (...errors: string[]): MigrateResult => ({ ok: false, usage: false, errors });
  const usage = (...errors: string[]): MigrateResult => ({ ok: false, usage: true, errors });

  if (req.xen && !isSupportedXen(req.xen)) return usage(`--xen ${versionText(req.xen)}: xencfg knows Xen from 3.0 on; migrate works on xend hosts (Xen 3.0-4.4)`);
  if (req.xen?.xl) {
    // "xl" and "4.5" read alike here; the message names the toolstack rather than echo a number the user may not have typed.
    return usage(`--xen names an xl host (Xen 4.5 and later): xl runs no network-script, so there is no wrapper to write; migrate works on xend hosts (Xen 3.0-4.4). With xl, build the bridges in the distribution's network configuration`);
  }
  const form: WrapperForm = req.form ?? (req.xen && !atLeast(req.xen, 4, 1) ? "network-bridge" : "iproute2");
  if (form === "network-bridge" && req.xen && atLeast(req.xen, 4, 1)) {
    return usage(`--form network-bridge with --xen ${versionText(req.xen)}: from Xen 4.1 network-bridge returns at once when any bridge exists, so the wrapper would build only the first bridge; use --form iproute2`);
  }
  // network-bridge renames the NIC to p<NIC>, so that form needs NIC names one byte shorter. `eth0=eth0` can
  // only confirm a bridge Xen 3.2+ network-bridge already named after its NIC (checked below).
  const requested = req.bridges.length ? parseBridgePairs(req.bridges, { networkBridge: form === "network-bridge", nicNamed: true }) : { ok: true as const, pairs: [] };
  if (!requested.ok) return usage(requested.message);
  const confirmations: { bridge: string; netdev: string }[] = requested.pairs;
  const moves: Move[] = [];
  for (const arg of req.moves) {
    const m = parseMove(arg);
    if (typeof m === "string") return usage(m);
    moves.push(m);
  }
  if (host.problems.length) return refuse(`the host's configuration has errors; fix them first (xencfg parse shows them):`, ...host.problems);

  const tree = { dir: "/etc/xen", xend: host.xend.doc, xlConf: undefined, guests: [], scriptsDir: "/etc/xen/scripts", scripts: new Map(host.scripts) };
  const existing = existingBridges(tree, req.xen, confirmations, host.xend.path ?? host.xend.shown);
  if (!existing.ok) return refuse(...existing.errors);
  if (existing.pairs.length === 0) return refuse(`xencfg finds no bridge the host's config builds; migrate only moves bridged hosts to several bridges`);

  // Names read from the host's files go into a shell script and to `ip` like the ones from --bridge.
  for (const p of existing.pairs) {
    for (const name of [p.bridge, p.netdev]) {
      const checked = validateInterfaceName(name);
      if (!checked.ok) return refuse(`${p.source} names the interface ${JSON.stringify(name)}, which ${checked.message}`);
    }
  }
  for (const p of confirmations) {
    if (p.bridge === p.netdev && !existing.pairs.some((q) => q.bridge === p.bridge && q.netdev === p.netdev)) {
      return usage(`--bridge ${p.bridge}=${p.netdev}: a bridge and its NIC need different names, such as xenbr0=${p.netdev}; only a bridge Xen 3.2+ network-bridge already named after its NIC is confirmed that way`);
    }
  }

  // Existing bridges first, in the host's order; --bridge confirms them or adds new ones.
  const pairs: ExistingBridge[] = [...existing.pairs];
  const added: ExistingBridge[] = [];
  for (const p of confirmations) {
    const same = pairs.find((q) => q.bridge === p.bridge);
    if (same && same.netdev !== p.netdev) return refuse(`bridge ${p.bridge} is built on ${same.netdev} by the host's config (${same.source}), not on ${p.netdev}`);
    const nicTaken = pairs.find((q) => q.netdev === p.netdev && q.bridge !== p.bridge);
    if (nicTaken) return refuse(`NIC ${p.netdev} is already enslaved to bridge ${nicTaken.bridge} by the host's config (${nicTaken.source}); a NIC can be in one bridge only`);
    if (!same && pairs.some((q) => q.netdev === p.bridge || q.bridge === p.netdev)) return refuse(`--bridge ${p.bridge}=${p.netdev} reuses a name the host's config already gives to a bridge or NIC`);
    if (!same) {
      const pair = { bridge: p.bridge, netdev: p.netdev, source: `--bridge ${p.bridge}=${p.netdev}` };
      pairs.push(pair);
      added.push(pair);
    }
  }
  // Xen 3.2+ network-bridge names the bridge after the NIC and renames the NIC p<NIC>. Only a wrapper that
  // calls network-bridge keeps that; a bridge built with ip cannot take its NIC's name, and Xen 3.0's
  // network-bridge would give the NIC's name to its veth as well.
  const nicNamed = pairs.find((p) => p.bridge === p.netdev);
  if (nicNamed && added.length > 0) {
    const eras = existing.eras.filter((e) => e !== "3.0");
    if (form !== "network-bridge" || eras.length === 0 || eras.includes("4.1")) {
      const rename =
        `name the bridge in ${host.xend.path ?? host.xend.shown} first, such as (network-script 'network-bridge netdev=${nicNamed.netdev} bridge=xenbr0'), ` +
        `change the guests' bridge=${nicNamed.bridge} to it, restart xend and run migrate again`;
      const advice =
        req.xen && atLeast(req.xen, 4, 1)
          ? `From Xen 4.1 a wrapper that calls network-bridge builds only its first bridge, and one that builds bridges with ip cannot give a bridge its NIC's name: ${rename}.`
          : req.xen
            ? `A wrapper that builds bridges with ip cannot give a bridge its NIC's name; on Xen 3.2 to 4.0 the network-bridge form keeps it (drop --form iproute2).`
            : `A wrapper that builds bridges with ip cannot give a bridge its NIC's name. On Xen 3.2 to 4.0 pass --xen (the network-bridge form keeps the bridge); on 4.1 and later ${rename}.`;
      return refuse(`bridge ${nicNamed.bridge} is named after its NIC (${nicNamed.source}), as Xen's network-bridge names it from 3.2 on, renaming the NIC p${nicNamed.netdev}. ${advice}`);
    }
  }

  const bridgeNames = new Set(pairs.map((p) => p.bridge));
  const defaultBridge = existing.pairs[0]!.bridge;

  // bridge= only means something to vif-bridge: an interface another script runs (vif-route, a site's own)
  // is neither moved, pinned nor warned about, or the plan would promise a move that never happens.
  const notBridged = (v: DomainConfig["vifs"][number]) => nonBridgeVif(v, tree, req.xen);

  // Guests, with the edits each will get (devid -> bridge).
  const edits = new Map<(typeof host.guests)[number], Map<number, string>>();
  const editOf = (g: (typeof host.guests)[number]) => edits.get(g) ?? edits.set(g, new Map()).get(g)!;
  for (const mv of moves) {
    if (!bridgeNames.has(mv.bridge)) {
      return refuse(`--move ${mv.arg}: bridge ${mv.bridge} does not exist; the host's bridges are ${[...bridgeNames].join(", ")} (add one with --bridge ${mv.bridge}=NIC)`);
    }
    const matched = matchGuests(host.guests, mv);
    if (matched.length === 0) {
      return refuse(`--move ${mv.arg}: no guest named ${mv.pattern}; the host's guests are ${host.guests.map((g) => g.name).join(", ") || "none"}`);
    }
    const routedOnly: { name: string; scripts: string }[] = [];
    let moved = 0;
    for (const { guest, devid } of matched) {
      const vifs = guest.doc.vifs;
      if (devid !== undefined && !guest.doc.vif(devid)) {
        return refuse(`--move ${mv.arg}: guest ${guest.name} has no vif with devid ${devid} (it has ${vifs.length ? vifs.map((v) => v.devid).join(", ") : "none"})`);
      }
      if (devid === undefined && vifs.length === 0) return refuse(`--move ${mv.arg}: guest ${guest.name} has no vif xencfg can edit (${guest.shown})`);
      if (devid !== undefined) {
        const other = notBridged(guest.doc.vif(devid)!);
        if (other) return refuse(`--move ${mv.arg}: vif ${devid} of guest ${guest.name} ${other.what}, ${other.why}; migrate moves only interfaces that run vif-bridge in dom0`);
      }
      // A whole guest (or a glob) means its bridged interfaces; the others stay as their script has them.
      const targets = devid === undefined ? vifs.filter((v) => !notBridged(v)) : [guest.doc.vif(devid)!];
      if (targets.length === 0) routedOnly.push({ name: guest.name, scripts: vifs.map((v) => `vif ${v.devid}: ${notBridged(v)!.script}`).join(", ") });
      for (const v of targets) editOf(guest).set(v.devid, mv.bridge);
      moved += targets.length;
    }
    if (moved === 0) {
      const who =
        routedOnly.length === 1
          ? `guest ${routedOnly[0]!.name} has no interface that runs vif-bridge (${routedOnly[0]!.scripts})`
          : `none of the guests ${routedOnly.map((g) => `${g.name} (${g.scripts})`).join(", ")} has an interface that runs vif-bridge`;
      return refuse(`--move ${mv.arg}: ${who}; only vif-bridge puts an interface on the bridge its bridge= names`);
    }
  }

  const warnings: string[] = [];
  // Without --xen the form is iproute2; a host whose config only Xen 3.0/3.1 reads that way runs a dom0
  // kernel of that era (2.6.16 to 2.6.18), whose ip cannot create bridges (`ip link add ... type bridge`
  // came with Linux 3.x): the wrapper would build nothing at boot.
  if (!req.xen && !req.form && form === "iproute2" && added.length > 0 && existing.eras.length > 0 && existing.eras.every((e) => e === "3.0")) {
    warnings.push(
      `the host's bridges read as Xen 3.0/3.1 only (${existing.pairs.map((p) => `${p.bridge} on ${p.netdev}`).join(", ")}), and the wrapper is written in the iproute2 form, ` +
        "which needs a dom0 kernel and ip from Linux 3.x to create bridges; on Xen 3.0/3.1 pass --xen 3.0 (or --form network-bridge) for a wrapper that calls Xen's network-bridge.",
    );
  }
  if (pairs.length > 1) {
    for (const g of host.guests) {
      for (const v of g.doc.vifs) {
        if (v.bridge !== undefined || edits.get(g)?.has(v.devid) || notBridged(v)) continue;
        if (req.pinDefault) editOf(g).set(v.devid, defaultBridge);
        else {
          warnings.push(
            `${g.path ?? g.shown}: vif ${v.devid} of guest ${g.name} has no bridge=; with several bridges vif-bridge picks one itself ` +
              `(the first it finds), which may not be ${defaultBridge}. Pass --pin-default to write bridge=${defaultBridge}.`,
          );
        }
      }
    }
  }

  // A bridge= the new configuration builds no bridge for: the guest would not start after the change
  // (or does not now, and still will not), and nothing else in the plan says so. From Xen 3.2 vif-bridge
  // also takes an ethN bridge for a missing xenbrN.
  const lateEra = req.xen === undefined || atLeast(req.xen, 3, 2);
  const builds = (bridge: string) => bridgeNames.has(bridge) || (lateEra && bridgeNames.has(ethBridgeFor(bridge) ?? ""));
  const unbuilt = new Map<string, string[]>();
  for (const g of host.guests) {
    for (const v of g.doc.vifs) {
      const bridge = edits.get(g)?.get(v.devid) ?? v.bridge;
      if (bridge === undefined || notBridged(v) || builds(bridge)) continue;
      const uses = unbuilt.get(bridge) ?? unbuilt.set(bridge, []).get(bridge)!;
      uses.push(`${g.name}.${v.devid}`);
    }
  }
  for (const [bridge, uses] of unbuilt) {
    warnings.push(
      `${uses.length === 1 ? "interface" : "interfaces"} ${uses.join(", ")} ${uses.length === 1 ? "uses" : "use"} bridge ${bridge}, which the planned configuration does not build (it builds ${[...bridgeNames].join(", ")}), so ` +
        `${uses.length === 1 ? "that guest does" : "those guests do"} not start; add --bridge ${bridge}=NIC to build it, or move ${uses.length === 1 ? "it" : "them"} with --move GUEST.DEVID=BRIDGE.`,
    );
  }

  const files: PlanFile[] = [];
  const steps: PlanStep[] = [];
  const oldContents = new Map<string, string | null>();
  const addFile = (path: string, oldText: string | null, newText: string, mode: number, description: string, undo: string) => {
    if (oldText === newText) return;
    files.push({ path, expectedHash: oldText === null ? null : contentHash(oldText), newContent: newText, mode });
    oldContents.set(path, oldText);
    steps.push({ id: steps.length + 1, kind: "file", description, path, undo: { kind: "file-restore", path, description: undo } });
  };

  // The wrapper and the directive, unless the host's config already builds exactly these bridges.
  const sameBridges = added.length === 0;
  if (!sameBridges) {
    const wrapperText = generateNetworkWrapper({
      form,
      pairs: pairs.map((p) => ({ bridge: p.bridge as InterfaceName, netdev: p.netdev as InterfaceName, ...(p.vifnum === undefined ? {} : { vifnum: p.vifnum }) })),
      scriptsDir: DEFAULT_SCRIPTS_DIR,
      wrapperPath: WRAPPER_PATH,
    });
    const current = host.scripts.get(WRAPPER_NAME) ?? null;
    addFile(WRAPPER_PATH, current, wrapperText, 0o755, `write ${WRAPPER_PATH} (mode 0755): ${pairs.map((p) => `${p.bridge} on ${p.netdev}`).join(", ")}`, current === null ? `delete ${WRAPPER_PATH}` : `restore the old ${WRAPPER_PATH}`);
  }
  const call = host.xend.doc.networkScript;
  const pointsAtWrapper = call?.script === WRAPPER_NAME && call.args.length === 0 && call.ignored.length === 0;
  if (!sameBridges && !pointsAtWrapper) {
    const target = writablePath(host.xend, host.root);
    if (!target.ok) return refuse(target.message);
    const dropped = droppedNetworkBridgeArgs(call);
    if (dropped.length) {
      warnings.push(
        `${target.path}: the old network-script passed ${dropped.join(" ")} to network-bridge; (network-script ${WRAPPER_NAME}) drops ${dropped.length === 1 ? "it" : "them"}, and the wrapper does not do what ${dropped.length === 1 ? "it asked" : "they asked"}` +
          (dropped.some((a) => a.startsWith("antispoof=")) ? ` (antispoof=yes: the iptables FORWARD policy DROP and the accept rules for the bridge's own ports, on which vif-bridge's per-vif ip= rules rely; each network-bridge call would flush the previous one's rules, so the wrapper cannot pass it on). Set that up yourself if the host needs it.` : "."),
      );
    }
    const text = host.xend.doc.toString();
    const next = host.xend.doc.setScriptCall("network-script", WRAPPER_NAME).toString();
    addFile(target.path, text, next, host.xend.mode, `set (network-script ${WRAPPER_NAME}) in ${target.path}`, `restore ${target.path}`);
  }

  const guestsInOrder = [...edits.keys()].sort((a, b) => (a.path ?? a.shown).localeCompare(b.path ?? b.shown));
  for (const g of guestsInOrder) {
    let doc = g.doc;
    const changed: string[] = [];
    for (const [devid, bridge] of [...edits.get(g)!].sort((a, b) => a[0] - b[0])) {
      if (doc.vif(devid)?.bridge === bridge) continue;
      doc = doc.setVifKey(devid, "bridge", bridge);
      changed.push(`vif ${devid} -> ${bridge}`);
    }
    if (changed.length === 0) continue;
    const target = writablePath(g, host.root, ` (guest ${g.name})`);
    if (!target.ok) return refuse(target.message);
    addFile(target.path, g.doc.toString(), doc.toString(), g.mode, `set bridge= in ${target.path} (guest ${g.name}: ${changed.join(", ")})`, `restore ${target.path}`);
  }

  // --live builds only the bridges this plan adds. Bridges the config already had were built by xend's
  // network script, in a layout migrate must not touch: Xen 3.0's network-bridge renames the NIC to
  // p${netdev} and gives its name to a veth, so "eth0" there is not the NIC at all.
  if (req.live) {
    if (!live) return refuse("--live needs to read the host's links, and no reader was given");
    // Bridges the configuration already has are not built live (see above), but a plan with nothing to
    // do must not read as "the host is in this shape" while one of them is missing from the running host.
    for (const p of pairs) {
      if (added.includes(p)) continue;
      const br = await live.bridge(p.bridge);
      if (!br.exists || !br.up) {
        warnings.push(
          `--live: bridge ${p.bridge} is in the host's configuration but ${br.exists ? "down" : "missing"} on the running host; migrate builds live only the bridges it adds, ` +
            `so ${p.bridge} comes up when xend next runs its network-script (restart xend); until then guests on it do not start.`,
        );
      }
    }
    for (const p of added) {
      const nic = await live.nic(p.netdev);
      if (!nic.exists) return refuse(`--live: NIC ${p.netdev} does not exist on this host`);
      if (nic.master && nic.master !== p.bridge) return refuse(`--live: NIC ${p.netdev} is already enslaved to ${nic.master}; a NIC can be in one bridge only`);
      const br = await live.bridge(p.bridge);
      if (br.exists && !br.isBridge) return refuse(`--live: ${p.bridge} exists on this host and is not a bridge`);
      const done = br.exists && br.up && nic.master === p.bridge && nic.up && !nic.hasAddresses;
      if (!done) {
        steps.push(...liveBridgeSteps(p.bridge, p.netdev, steps.length + 1));
        const gateways = nic.defaultGateways ?? [];
        if (gateways.length) {
          warnings.push(
            `--live: NIC ${p.netdev} carries the default route (via ${gateways.join(", ")}), which the plan moves to ${p.bridge}: ` +
              `connections through it (such as this SSH session) stop for a moment, and for good if the move goes wrong. Apply with --confirm SECONDS and --probe ADDRESS so that a lost host rolls back by itself.`,
          );
        }
      }
    }
  }

  const plan: Plan = { version: PLAN_VERSION, root: host.root, createdAt: req.now.toISOString(), files, steps, warnings };
  return { ok: true, plan, oldContents };
}

/**
 * The `key=value` words a `network-bridge` directive passes that the generated wrapper does not carry
 * over: all but vifnum=, netdev= and bridge= (which become the wrapper's pairs) and antispoof=no (the default).
 */
function droppedNetworkBridgeArgs(call: XendConfig["networkScript"]): string[] {
  if (!call || scriptBaseName(call.script) !== "network-bridge") return [];
  return call.args
    .filter((a) => !["vifnum", "netdev", "bridge"].includes(a.key) && !(a.key === "antispoof" && a.value === "no"))
    .map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`));
}

/**
 * The host path of a file the plan edits, or why it cannot be planned: outside the root, or (through a symlink such as one in
 * /etc/xen/auto) outside /etc/xen, the only folder `apply` writes (plan-json.ts refuses any other path).
 */
function writablePath(file: HostFile<unknown>, root: string, what = ""): { ok: true; path: string } | { ok: false; message: string } {
  if (file.path === null) return { ok: false, message: `${file.shown}${what} lies outside ${root}; xencfg writes only inside the root` };
  if (!file.path.startsWith("/etc/xen/")) {
    return {
      ok: false,
      message: `${file.shown}${what} is the file ${file.path}, outside /etc/xen, and xencfg apply writes only under /etc/xen; move the file into /etc/xen (and point the link at it), or edit it by hand`,
    };
  }
  return { ok: true, path: file.path };
}

function versionText(v: XenVersion): string {
  return `${v.major}.${v.minor}`;
}

/** `GUEST[.DEVID]=BRIDGE`; GUEST may be a glob. */
function parseMove(arg: string): Move | string {
  const eq = arg.lastIndexOf("=");
  if (eq <= 0 || eq === arg.length - 1) return `--move ${JSON.stringify(arg)}: expected GUEST[.DEVID]=BRIDGE, such as db1.1=xenbr1 or 'db*'=xenbr1`;
  const left = arg.slice(0, eq);
  const bridge = arg.slice(eq + 1);
  const m = /^(.+)\.(\d+)$/.exec(left);
  return { arg, pattern: m ? m[1]! : left, devid: m ? Number(m[2]) : undefined, bridge };
}

/**
 * Guests a --move names. `web.2` is guest `web.2` when one has that name, else devid 2 of guest `web`:
 * guest names may contain dots.
 */
function matchGuests<G extends { name: string }>(guests: readonly G[], mv: Move): { guest: G; devid: number | undefined }[] {
  if (mv.devid !== undefined) {
    const whole = globRegExp(`${mv.pattern}.${mv.devid}`);
    const exact = guests.filter((g) => whole.test(g.name));
    if (exact.length) return exact.map((guest) => ({ guest, devid: undefined }));
  }
  const re = globRegExp(mv.pattern);
  return guests.filter((g) => re.test(g.name)).map((guest) => ({ guest, devid: mv.devid }));
}

/** Shell-style glob (`*`, `?`, `[...]`) as fnmatch reads it, anchored at both ends. */
export function globRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      // As fnmatch: a leading '!' negates, and a ']' right after '[' or '[!' is a member, not the end.
      const negated = glob[i + 1] === "!";
      const first = i + 1 + (negated ? 1 : 0);
      const end = glob.indexOf("]", first + 1);
      if (end < 0) re += "\\[";
      else {
        const body = glob.slice(first, end).replace(/[\\\]^]/g, "\\$&");
        re += `[${negated ? "^" : ""}${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
