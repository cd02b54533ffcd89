import type { DomainConfig } from "../domain/domain-config.js";
import type { XendConfig } from "../xend/xend-config.js";
import type { ScriptCall } from "../xend/script-call.js";
import { plural } from "../text/plural.js";

/** One or two lines an admin can read at a glance: what the file is and what it wires up. */
export function summarise(doc: XendConfig | DomainConfig): string {
  const problems = countProblems(doc);
  if (doc.kind === "xend") {
    const call = (c: ScriptCall | undefined) =>
      c ? `${c.script}${c.args.length ? ` (${c.args.map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`)).join(" ")})` : ""}` : "none";
    return `${doc.file}: xend config, ${plural(doc.directives.length, "directive")}; network-script ${call(doc.networkScript)}; vif-script ${call(doc.vifScript)}${problems}`;
  }
  const name = doc.guestName ?? (doc.assigns("name") ? "(computed by Python)" : "(no name)");
  const vifs = doc.vifs.map((v) => `${v.bridge ?? "default bridge"}${v.mac ? ` ${v.mac}` : ""}`);
  const python = doc.python.length ? `, ${plural(doc.python.length, "Python statement")}` : "";
  return `${doc.file}: guest ${name}, ${plural(doc.settings.length, "setting")}${python}; ${plural(doc.vifs.length, "vif")}${vifs.length ? ` (${vifs.join("; ")})` : ""}${problems}`;
}

function countProblems(doc: XendConfig | DomainConfig): string {
  const errors = doc.errors.length;
  const warnings = doc.diagnostics.length - errors;
  if (!errors && !warnings) return "";
  return ` [${[errors && plural(errors, "error"), warnings && plural(warnings, "warning")].filter(Boolean).join(", ")}]`;
}
