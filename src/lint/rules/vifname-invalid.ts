import { defineRule } from "../rule.js";
import { MAX_INTERFACE_NAME_BYTES, linuxNameProblem } from "../../script/interface-name.js";

/**
 * vifname names the backend interface in dom0. Linux refuses an empty name, '.', '..', and '/', ':' or
 * whitespace in one (dev_valid_name in net/core/dev.c). No script evaluates a vifname: the hotplug scripts
 * read it from xenstore and expand it, unquoted in xen-network-common.sh add_to_bridge (`brctl addif
 * ${bridge} ${dev}`), which splits and globs but runs nothing; so only a file-pattern character matters
 * there, and a leading '-', which brctl's getopt reads as options. Length is vifname-too-long's; one
 * cause, one finding.
 */
export default defineRule({
  id: "vifname-invalid",
  severity: "error",
  description: "a vifname that Linux or the hotplug scripts refuse (empty, '/', ':', whitespace, a leading '-')",
  messages: { invalid: "vifname '{{name}}' {{why}}" },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("vifname");
        if (!e) continue;
        const name = e.value ?? "";
        if (Buffer.byteLength(name, "utf8") > MAX_INTERFACE_NAME_BYTES) continue;
        const why = vifnameProblem(name);
        if (why) report({ doc: guest, span: e.valueSpan ?? e.span, messageId: "invalid", data: { name, why } });
      }
    }
  },
});

function vifnameProblem(name: string): string | undefined {
  const linux = linuxNameProblem(name);
  if (linux?.kind === "empty") return "is empty; remove vifname= (Xen then names the interface vifDOMID.DEVID) or give a name";
  if (linux?.kind === "invalid") return `is not an interface name: ${linux.why}`;
  if (name.includes(":")) return "contains \":\": Linux refuses ':' in interface names (it marks an alias such as eth0:1)";
  const glob = /[*?[]/.exec(name);
  if (glob) return `contains ${JSON.stringify(glob[0])}: the hotplug scripts expand the name unquoted (brctl addif \${bridge} \${dev}), where the shell reads it as a file pattern; use letters, digits, '-', '_' or '.'`;
  if (name.startsWith("-")) return "starts with '-', which brctl and ip would read as an option";
  return undefined;
}
