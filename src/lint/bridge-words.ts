import { basename } from "node:path";
import { ERA_LABEL, type HostBridges, type InertCall, type KnownBridge, type XenEra } from "./host-bridges.js";
import { joinAnd } from "./guest-facts.js";
import { addToGroup } from "../collections/group.js";

/** Where a bridge was learned, in a few words for messages. */
export function bridgeOrigin(b: KnownBridge): string {
  const s = b.source;
  switch (s.kind) {
    case "network-script":
      return `network-script, ${basename(s.doc.file)} line ${s.doc.position(s.span.start).line}`;
    case "wrapper":
      return `scripts/${s.script} line ${s.line}`;
    case "declared":
      return "declared in the xencfg config";
    case "xl.conf":
      return "xl.conf's default bridge";
  }
}

/** Era labels of a group: `Xen 3.2 and later` when it runs to the last xend era. */
export function erasLabel(eras: readonly XenEra[]): string {
  if (eras.length === 2 && eras[0] === "3.2" && eras[1] === "4.1") return "Xen 3.2 and later";
  return joinAnd(eras.map((e) => ERA_LABEL[e]));
}

/**
 * What bridges the host has, for a message: `the host has xenbr0 (network-script, xend-config.sxp line
 * 34)`, or, when the eras in view differ, each list with the versions it holds for.
 */
export function describeBridges(views: readonly HostBridges[], missing?: string): string {
  const groups = new Map<string, XenEra[]>();
  for (const v of views) {
    const text = v.bridges.length ? joinAnd(v.bridges.map((b) => `${b.name} (${bridgeOrigin(b)})`)) : "no bridge";
    addToGroup(groups, text, v.era);
  }
  const note = inertNote(views, missing);
  if (groups.size === 1) return `the host has ${[...groups.keys()][0]}${note}`;
  return `the host has ${[...groups].map(([text, eras]) => `${text} on ${erasLabel(eras)}`).join("; ")}${note}`;
}

/**
 * Why the wrapper's network-bridge calls that would have built `bridge` build nothing, one clause per
 * cause; "" when none would have (an inert call that would build another bridge is no cause of this
 * one's absence). Without `bridge` (a vif that names none), every inert call counts.
 */
export function inertNote(views: readonly HostBridges[], bridge?: string): string {
  const calls = (reason: InertCall["reason"]) => {
    const found = relevantInertCalls(views, bridge).filter((c) => c.reason === reason);
    return [...new Map(found.map((c) => [c.at, c])).values()];
  };
  const would = (c: InertCall) => (c.bridge !== undefined && bridge === undefined ? `, which would build ${c.bridge}` : "");
  let note = "";
  const early = calls("returns-early");
  if (early.length) {
    note += `; on Xen 4.1 and later network-bridge returns at once when a bridge exists, so ${joinAnd(early.map((c) => `the call at scripts/${c.at}${would(c)}`))} build${early.length === 1 ? "s" : ""} nothing`;
  }
  const taken = calls("vifnum-taken");
  if (taken.length) {
    const each = taken.map((c) => `the call at scripts/${c.at} (vifnum=${c.vifnum}${would(c)}) finds veth${c.vifnum} already taken by an earlier call`);
    note += `; on Xen 3.0 and 3.1 network-bridge works through the veth pair of its vifnum, and ${joinAnd(each)}, so it stops before building its bridge`;
  }
  return note;
}

/** The inert calls that could explain why `bridge` is missing (see inertNote). */
export function relevantInertCalls(views: readonly HostBridges[], bridge?: string): InertCall[] {
  return views.flatMap((v) => v.inert.filter((c) => bridge === undefined || c.bridge === undefined || c.bridge === bridge));
}
