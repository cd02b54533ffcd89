import { defineRule } from "../rule.js";
import { MAX_INTERFACE_NAME_BYTES } from "../../script/interface-name.js";

/**
 * `bridge=` names a Linux interface: at most 15 bytes, no '/', no whitespace, not '.' or '..'
 * (dev_valid_name). vif-openvswitch's `bridge=NAME:VLAN[:VLAN...]` names bridge NAME, so only the part
 * before the first ':' is checked. Whether the bridge exists on the host is bridge-undefined's question.
 */
export default defineRule({
  id: "vif-bridge-invalid",
  severity: "error",
  description: "a vif bridge= that cannot be a Linux interface name (too long, '/', whitespace, empty)",
  messages: {
    tooLong: "bridge '{{name}}' is {{bytes}} bytes; Linux interface names hold at most 15, so no such bridge can exist",
    invalid: "bridge '{{name}}' cannot be a Linux interface name: {{why}}",
    empty: "bridge= has no name; remove it to use the default bridge or name one",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("bridge");
        if (!e) continue;
        const span = e.valueSpan ?? e.span;
        const name = (e.value ?? "").split(":")[0]!;
        const bytes = Buffer.byteLength(name, "utf8");
        if (name === "") report({ doc: guest, span, messageId: "empty" });
        else if (bytes > MAX_INTERFACE_NAME_BYTES) report({ doc: guest, span, messageId: "tooLong", data: { name, bytes } });
        else if (name === "." || name === "..") report({ doc: guest, span, messageId: "invalid", data: { name, why: "'.' and '..' are refused by Linux" } });
        else if (name.includes("/")) report({ doc: guest, span, messageId: "invalid", data: { name, why: "Linux refuses '/' (interfaces are folders under /sys/class/net)" } });
        else if (/\s/.test(name)) report({ doc: guest, span, messageId: "invalid", data: { name, why: "Linux refuses whitespace" } });
      }
    }
  },
});
