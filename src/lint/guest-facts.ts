import type { DomainConfig } from "../domain/domain-config.js";
import type { VifSpec } from "../domain/vif-spec.js";
import type { XenTree } from "../host/read-host.js";
import type { ConfigDocument } from "../ast/config-document.js";
import type { XendConfig } from "../xend/xend-config.js";
import type { XenVersion } from "./xen-version.js";
import { DEFAULT_VIF_SCRIPT, scriptBaseName } from "./network-scripts.js";
import { xendConfigOf } from "./host-bridges.js";

// The names a vif's backend= may give dom0 itself (xl takes the domain's name or its id).
const DOM0_NAMES = new Set(["", "0", "dom0", "Domain-0"]);

/** The driver domain serving a vif (its `backend=`, when that names a domain other than dom0): the vif is bridged there. */
export function driverDomainOf(vif: VifSpec): string | undefined {
  const backend = vif.get("backend");
  return backend !== undefined && !DOM0_NAMES.has(backend) ? backend : undefined;
}

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
  const xl = tree.xlConf ? xlDefaultScript(tree.xlConf) : undefined;
  const xendDoc = xendConfigOf(tree);
  const xend = xendDoc ? xendVifScript(xendDoc) : undefined;
  const pick = xen?.xl ? (xl ?? xend) : (xend ?? xl);
  return pick ? scriptBaseName(pick) : DEFAULT_VIF_SCRIPT;
}

// The toolstack defaults, once per document: rules ask for every vif of every guest (20,000 on a large
// host), and each answer would otherwise search the settings and decompose xend's vif-script again.
// Documents are immutable (edits return new ones), so an answer never goes stale.
const xlScripts = new WeakMap<DomainConfig, string | undefined>();
const xendScripts = new WeakMap<XendConfig, string | undefined>();

function xlDefaultScript(conf: DomainConfig): string | undefined {
  if (xlScripts.has(conf)) return xlScripts.get(conf);
  const v = conf.value("vif.default.script") ?? conf.value("vifscript");
  const script = typeof v === "string" ? v : undefined;
  xlScripts.set(conf, script);
  return script;
}

function xendVifScript(xend: XendConfig): string | undefined {
  if (xendScripts.has(xend)) return xendScripts.get(xend);
  const script = xend.vifScript?.script;
  xendScripts.set(xend, script);
  return script;
}

/** `file:line` of an offset, as messages that point at another place say it. */
export function where(doc: ConfigDocument, offset: number, from?: ConfigDocument): string {
  const { line } = doc.position(offset);
  return from === doc ? `line ${line}` : `${doc.file}:${line}`;
}

/**
 * The members of `group` other than `self` (which is one of them), the first few as `describe` words them
 * and then how many more: "a, b, c and 9,997 more". A template copied to thousands of guests gives each of
 * them a finding; naming every copy in every one made the output quadratic (2,000 clones: 0.55 GB and
 * 1.6 s), and nobody reads past the first few.
 */
export function othersIn<T>(group: readonly T[], self: T, describe: (item: T) => string, shown = 3): string {
  const count = group.length - 1;
  const picked: string[] = [];
  const limit = count <= shown + 1 ? count : shown;
  for (let i = 0; i < group.length && picked.length < limit; i++) if (group[i] !== self) picked.push(describe(group[i]!));
  return count === limit ? joinAnd(picked) : `${picked.join(", ")} and ${(count - limit).toLocaleString("en-US")} more`;
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
