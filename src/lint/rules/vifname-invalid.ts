import { defineRule } from "../rule.js";
import { MAX_INTERFACE_NAME_BYTES, validateInterfaceName } from "../../script/interface-name.js";

/**
 * vifname names the backend interface in dom0. Linux refuses '/', ':', whitespace, '.' and '..'
 * (dev_valid_name); the hotplug scripts pass it unquoted through the shell, so shell characters break them.
 * Length is vifname-too-long's; one cause, one finding.
 */
export default defineRule({
  id: "vifname-invalid",
  severity: "error",
  description: "a vifname that Linux or the hotplug scripts refuse (characters, empty)",
  messages: { invalid: "vifname '{{name}}' {{why}}" },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("vifname");
        if (!e) continue;
        const name = e.value ?? "";
        if (Buffer.byteLength(name, "utf8") > MAX_INTERFACE_NAME_BYTES) continue;
        const check = validateInterfaceName(name);
        if (!check.ok) report({ doc: guest, span: e.valueSpan ?? e.span, messageId: "invalid", data: { name, why: check.message } });
      }
    }
  },
});
