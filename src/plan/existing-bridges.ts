import type { XenTree } from "../host/read-host.js";
import { BUILDS_NO_BRIDGE, bridgesOf, ERA_LABEL, type HostBridges, type KnownBridge, type XenEra, vifnumOf } from "../lint/host-bridges.js";
import { scriptBaseName } from "../lint/network-scripts.js";
import type { XenVersion } from "../lint/xen-version.js";

/** A bridge the host has before the migration, with the NIC under it and where migrate learned it. */
export interface ExistingBridge {
  bridge: string;
  netdev: string;
  source: string;
  /** Xen 3.0/3.1 network-bridge's vifnum for it, when the host's config sets one (see KnownBridge). */
  vifnum?: number;
}

/** A `--bridge BRIDGE=NETDEV` argument, already checked. */
export interface RequestedPair {
  bridge: string;
  netdev: string;
}

export type ExistingBridgesResult =
  | {
      ok: true;
      pairs: ExistingBridge[];
      /** The eras whose reading the plan follows (one with --xen; those that agree without it). */
      eras: XenEra[];
    }
  | { ok: false; errors: string[] };

/**
 * The bridges the host's xend builds today, read by the lint module's `bridgesOf` once per Xen era (the
 * one --xen names, else 3.0, 3.2 and 4.1). When every era reads the same complete list with every NIC
 * known, that is the answer. Otherwise the admin confirms each existing bridge with `--bridge
 * BRIDGE=NETDEV`, and an era's reading is taken when the confirmations account for all it says:
 * - a bridge whose NIC the era knows: `--bridge` with that name and NIC;
 * - a bridge whose NIC it does not know (`bridge=` without `netdev=` from 3.2, a wrapper's `brctl addbr`
 *   with no port): `--bridge` with that name, which gives the NIC;
 * - network-bridge without `netdev=` or `bridge=` from 3.2: it names its bridge after the NIC holding the
 *   default route (tools/hotplug/Linux/network-bridge @ RELEASE-3.2.0), so `--bridge NIC=NIC`;
 * - anything else the reading cannot follow (a wrapper line it does not know): only with at least one of
 *   the above, which shows the admin has listed the bridges; with none there is nothing to check.
 * The `--bridge` pairs that confirm nothing are the bridges to add.
 */
export function existingBridges(tree: XenTree, xen: XenVersion | undefined, requested: readonly RequestedPair[], xendName: string): ExistingBridgesResult {
  const xend = tree.xend!;
  const call = xend.networkScript;
  // XendOptions (3.0 on) has no default network-script: without one xend sets up no bridge.
  if (!call || !xend.directive("network-script")) {
    return {
      ok: false,
      errors: [
        `${xendName} has no network-script, so xend builds no bridge (Xen 3.0 and later have no default); the bridges the guests use come from the distribution's network configuration, which migrate does not change. ` +
          `Add the bridges there, or point network-script at the script that builds them and run migrate again.`,
      ],
    };
  }
  const name = scriptBaseName(call.script);
  if (name === "network-route" || name === "network-nat") {
    return { ok: false, errors: [`the host uses ${name} (routed or NAT networking, no bridges); migrate only moves bridged hosts to several bridges`] };
  }

  const views = bridgesOf(tree, xen ? { xen } : {});
  if (views.every((v) => v.bridges.length === 0 && v.unknown.length === 1 && v.unknown[0] === BUILDS_NO_BRIDGE)) {
    return { ok: false, errors: [`network-script ${call.script} builds no bridge (${xendName}); migrate only moves bridged hosts to several bridges`] };
  }

  // Every era reads the same complete list with every NIC known: nothing to confirm.
  const certain = views.map((v) => (v.complete && v.bridges.every((b) => b.netdev !== undefined) ? v.bridges.map((b) => ({ bridge: b.name, netdev: b.netdev!, source: sourceText(b, call.script), ...vifnumOf(b) })) : undefined));
  const first = certain[0];
  if (first && certain.every((c) => c !== undefined && sameBridges(c, first))) return { ok: true, pairs: first, eras: views.map((v) => v.era) };

  const readings = views.map((v) => ({ view: v, confirmed: confirm(v, requested, call.script) }));
  const accepted = readings.filter((r) => r.confirmed.ok);
  if (accepted.length > 0) {
    const pairs = (accepted[0]!.confirmed as { pairs: ExistingBridge[] }).pairs;
    if (accepted.every((r) => sameBridges((r.confirmed as { pairs: ExistingBridge[] }).pairs, pairs))) {
      return { ok: true, pairs, eras: accepted.map((r) => r.view.era) };
    }
  }

  const groups = groupEras(readings);
  // Nothing in the script to confirm, in any era: asking for confirmations would lead nowhere.
  if (readings.every((r) => !r.confirmed.ok && r.confirmed.missing.includes(NOTHING_TO_CONFIRM))) {
    const why = [...new Set(readings.flatMap((r) => r.view.unknown))].join("; ");
    return { ok: false, errors: [`xencfg cannot tell which bridges network-script ${call.script} builds: ${why}. Make it a script xencfg can read (or regenerate it with xencfg wrapper) and run migrate again.`] };
  }
  const errors = [`xencfg cannot tell which bridges the host has now:`];
  for (const group of groups) errors.push(`  ${group.eras.map((e) => ERA_LABEL[e]).join(", ")}: ${group.text}`);
  errors.push(
    `${xen ? "Confirm" : "Name the host's Xen with --xen VERSION, or confirm"} each bridge the host has now with --bridge BRIDGE=NETDEV, beside the bridges to add ` +
      "(the NIC as network-bridge's netdev= names it, before it renames it p<NIC>; a bridge network-bridge named after its NIC is --bridge NIC=NIC, such as --bridge eth0=eth0).",
  );
  return { ok: false, errors };
}

const NOTHING_TO_CONFIRM = "xencfg sees no bridge in it to confirm";

type Confirmation = { ok: true; pairs: ExistingBridge[] } | { ok: false; missing: string[] };

/** Whether the --bridge pairs account for everything one era's reading says, and the bridges it then has. */
function confirm(view: HostBridges, requested: readonly RequestedPair[], script: string): Confirmation {
  const pairs: ExistingBridge[] = [];
  const missing: string[] = [];
  for (const b of view.bridges) {
    const p = requested.find((r) => r.bridge === b.name);
    const known = b.netdev !== undefined ? `${b.name} on ${b.netdev}` : `${b.name} on a NIC xencfg cannot tell`;
    if (!p || (b.netdev !== undefined && p.netdev !== b.netdev)) missing.push(`${known} (${sourceText(b, script)}): --bridge ${b.name}=${b.netdev ?? "NETDEV"}`);
    else pairs.push({ bridge: b.name, netdev: p.netdev, source: `${sourceText(b, script)}, confirmed by --bridge ${p.bridge}=${p.netdev}`, ...vifnumOf(b) });
  }
  const named = requested.filter((r) => r.bridge === r.netdev && !pairs.some((p) => p.bridge === r.bridge));
  if (view.defaultRoute.length > 0) {
    if (named.length !== 1) missing.push(`${view.defaultRoute[0]}: --bridge NIC=NIC for that NIC`);
    else pairs.push({ bridge: named[0]!.bridge, netdev: named[0]!.netdev, source: `network-bridge's bridge named after the default-route NIC, confirmed by --bridge ${named[0]!.bridge}=${named[0]!.netdev}` });
  } else if (named.length > 0) {
    missing.push(`--bridge ${named[0]!.bridge}=${named[0]!.netdev} names a bridge after its NIC, as only Xen 3.2+ network-bridge does, and this reading has none`);
  }
  // What the reading cannot follow at all: the admin's list is taken as complete, but only when it confirms
  // something the reading names, the sign that they have listed the bridges rather than only new ones.
  const other = view.unknown.filter((u) => !view.defaultRoute.includes(u));
  if (missing.length === 0 && (other.length === 0 || pairs.length > 0)) return { ok: true, pairs };
  if (other.length > 0 && view.bridges.length === 0 && view.defaultRoute.length === 0) {
    missing.push(NOTHING_TO_CONFIRM);
  }
  return { ok: false, missing: [...other, ...missing] };
}

function sourceText(b: KnownBridge, script: string): string {
  switch (b.source.kind) {
    case "network-script":
      return `network-script ${script}`;
    case "wrapper":
      return `scripts/${b.source.script} line ${b.source.line}`;
    default:
      return b.source.kind;
  }
}

function sameBridges(a: readonly ExistingBridge[], b: readonly ExistingBridge[]): boolean {
  return a.length === b.length && a.every((p, i) => p.bridge === b[i]!.bridge && p.netdev === b[i]!.netdev);
}

/** One line per distinct reading, eras that read alike together. */
function groupEras(readings: { view: HostBridges; confirmed: Confirmation }[]): { eras: XenEra[]; text: string }[] {
  const out: { eras: XenEra[]; text: string }[] = [];
  for (const r of readings) {
    const text = r.confirmed.ok
      ? `${r.confirmed.pairs.map((p) => `${p.bridge} on ${p.netdev}`).join(", ")} (confirmed)`
      : r.confirmed.missing.join("; ");
    const same = out.find((g) => g.text === text);
    if (same) same.eras.push(r.view.era);
    else out.push({ eras: [r.view.era], text });
  }
  return out;
}
