import type { DomainConfig } from "../domain/domain-config.js";
import { parseMac } from "../mac/mac-address.js";
import type { ScriptCall } from "../xend/script-call.js";
import { sxpValue } from "../xend/sxp-value.js";
import type { XendConfig } from "../xend/xend-config.js";
import type { ConfigValue } from "../domain/domain-value.js";

/**
 * What a file means to Xen, without layout: the typed view with positions, comments and spacing left out,
 * and MACs inside vif specs in lower case (xl reads each octet with strtoul, so their case never reaches
 * a guest; that is the one textual change the formatter makes inside a value). A CRLF line break counts as
 * LF: Prettier writes every line break as `endOfLine` says, also those inside a Python statement (Python
 * reads both alike) and inside an sxp string that spans lines. Two files with equal meanings configure a
 * host the same way; `xencfg fmt` refuses to write a result whose meaning differs.
 */
export function meaningOf(doc: XendConfig | DomainConfig): unknown {
  return crlfAsLf(typedMeaning(doc));
}

function typedMeaning(doc: XendConfig | DomainConfig): unknown {
  const diagnostics = doc.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);
  if (doc.kind === "xend") {
    return {
      kind: "xend",
      directives: doc.directives.map((d) => ({ name: d.name, value: d.value ?? null })),
      networkScript: scriptCall(doc.networkScript),
      vifScript: scriptCall(doc.vifScript),
      diagnostics,
    };
  }
  return {
    kind: "domain",
    settings: doc.settings.map((s) => ({ name: s.name, op: s.op, value: s.name === "vif" ? normaliseVifValue(s.value) : s.value })),
    python: doc.python.map((p) => ({ assigns: p.assigns ?? null, text: doc.slice(p.span) })),
    vifs: doc.vifs.map((v) => ({ devid: v.devid, keys: normaliseKeys(v.toObject()) })),
    diagnostics,
  };
}

/** Whether two documents mean the same (see `meaningOf`). */
export function sameMeaning(a: XendConfig | DomainConfig, b: XendConfig | DomainConfig): boolean {
  return JSON.stringify(meaningOf(a)) === JSON.stringify(meaningOf(b));
}

/** Every string inside `v` with its CRLF line breaks written as LF. */
function crlfAsLf(v: unknown): unknown {
  if (typeof v === "string") return v.replace(/\r\n/g, "\n");
  if (Array.isArray(v)) return v.map(crlfAsLf);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, crlfAsLf(x)]));
  return v;
}

function scriptCall(c: ScriptCall | undefined): unknown {
  return c ? { script: c.script, args: c.args.map((a) => [a.key, a.value ?? null]), quoted: c.quoted, ignored: c.ignored.map(sxpValue) } : null;
}

function normaliseVifValue(v: ConfigValue): ConfigValue {
  if (typeof v === "string") return normaliseVifSpec(v);
  return Array.isArray(v) ? v.map((item) => (typeof item === "string" ? normaliseVifSpec(item) : item)) : v;
}

/** `mac=` values of a vif spec in lower case when they are MAC addresses; everything else as it is. */
export function normaliseVifSpec(spec: string): string {
  return spec.replace(/(^|,)(\s*mac\s*=)([^,]*)/g, (all, sep: string, key: string, value: string) => (parseMac(value).ok ? sep + key + value.toLowerCase() : all));
}

function normaliseKeys(keys: Record<string, string | true>): Record<string, string | true> {
  const mac = keys["mac"];
  return typeof mac === "string" && parseMac(mac).ok ? { ...keys, mac: mac.toLowerCase() } : keys;
}
