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
export function describeBridges(views: readonly HostBridges[]): string {
  const groups = new Map<string, XenEra[]>();
  for (const v of views) {
    const text = v.bridges.length ? joinAnd(v.bridges.map((b) => `${b.name} (${bridgeOrigin(b)})`)) : "no bridge";
    addToGroup(groups, text, v.era);
  }
  const note = inertNote(views);
  if (groups.size === 1) return `the host has ${[...groups.keys()][0]}${note}`;
  return `the host has ${[...groups].map(([text, eras]) => `${text} on ${erasLabel(eras)}`).join("; ")}${note}`;
}

/** Why the wrapper's inert network-bridge calls build nothing, one clause per cause; "" when none is. */
export function inertNote(views: readonly HostBridges[]): string {
  const calls = (reason: InertCall["reason"]) => {
    const found = views.flatMap((v) => v.inert.filter((c) => c.reason === reason));
    return [...new Map(found.map((c) => [c.at, c])).values()];
  };
  const callsAt = (list: readonly InertCall[]) =>
    `the call${list.length === 1 ? "" : "s"} at ${joinAnd(list.map((c) => `scripts/${c.at}`))} build${list.length === 1 ? "s" : ""} nothing`;
  let note = "";
  const early = calls("returns-early");
  if (early.length) note += `; on Xen 4.1 and later network-bridge returns at once when a bridge exists, so ${callsAt(early)}`;
  const taken = calls("vifnum-taken");
  if (taken.length) {
    const vifnums = joinAnd([...new Set(taken.map((c) => `vifnum=${c.vifnum}`))]);
    note += `; on Xen 3.0 and 3.1 a network-bridge call whose vifnum an earlier call has used fails ('Link veth${taken[0]!.vifnum} is missing'), so ${callsAt(taken)} (${vifnums} taken)`;
  }
  return note;
}
