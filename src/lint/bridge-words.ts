import { basename } from "node:path";
import { ERA_LABEL, type HostBridges, type KnownBridge, type XenEra } from "./host-bridges.js";
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
  const inert = views.find((v) => v.inert.length > 0)?.inert ?? [];
  const note = inert.length
    ? `; on Xen 4.1 and later network-bridge returns at once when a bridge exists, so the call at ${joinAnd(inert.map((w) => `scripts/${w}`))} builds nothing`
    : "";
  if (groups.size === 1) return `the host has ${[...groups.keys()][0]}${note}`;
  return `the host has ${[...groups].map(([text, eras]) => `${text} on ${erasLabel(eras)}`).join("; ")}${note}`;
}
