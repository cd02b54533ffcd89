import type { DomainConfig } from "../domain/domain-config.js";
import type { VifSpec } from "../domain/vif-spec.js";
import type { XenTree } from "../host/read-host.js";
import type { ConfigDocument } from "../ast/config-document.js";
import type { XenVersion } from "./xen-version.js";
import { DEFAULT_VIF_SCRIPT, scriptBaseName } from "./network-scripts.js";
import { xendConfigOf } from "./host-bridges.js";

/** An HVM guest: `builder = 'hvm'` (xm, xl) or `type = 'hvm'` (xl 4.10+). */
export function isHvm(guest: DomainConfig): boolean {
  return guest.value("builder") === "hvm" || guest.value("type") === "hvm";
}

/** A guest known to be PV: neither setting says HVM, and neither is computed by Python. */
export function isKnownPv(guest: DomainConfig): boolean {
  if (isHvm(guest)) return false;
  const unknown = (name: string) => guest.python.some((p) => p.assigns === name);
  return !unknown("builder") && !unknown("type");
}

/**
 * The hotplug script an interface runs, as a bare name: its own `script=`, else the toolstack's default
 * (xend's `vif-script`, or xl.conf's `vif.default.script` / older `vifscript`), else vif-bridge.
 */
export function vifScriptOf(vif: VifSpec, tree: XenTree, xen: XenVersion | undefined): string {
  const own = vif.get("script");
  if (own) return scriptBaseName(own.trim());
  const xlValue = tree.xlConf?.value("vif.default.script") ?? tree.xlConf?.value("vifscript");
  const xl = typeof xlValue === "string" ? xlValue : undefined;
  const xend = xendConfigOf(tree)?.vifScript?.script;
  const pick = xen?.xl ? (xl ?? xend) : (xend ?? xl);
  return pick ? scriptBaseName(pick) : DEFAULT_VIF_SCRIPT;
}

/** `file:line` of an offset, as messages that point at another place say it. */
export function where(doc: ConfigDocument, offset: number, from?: ConfigDocument): string {
  const { line } = doc.position(offset);
  return from === doc ? `line ${line}` : `${doc.file}:${line}`;
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
