import { isAddress } from "../ip-address.js";
import { defineRule } from "../rule.js";

/**
 * `ip=` is one or more space-separated addresses (xl-network-configuration(5)); the hotplug scripts loop
 * over them for their firewall rules (vif-common.sh), and iptables rejects a malformed one when the guest
 * starts. A `/prefix` is allowed.
 */
export default defineRule({
  id: "vif-ip-syntax",
  severity: "error",
  description: "a vif ip= that is not one or more space-separated IPv4 or IPv6 addresses (optionally /prefix)",
  messages: {
    invalid: "'{{word}}' in ip= is not an IPv4 or IPv6 address (optionally with /prefix); separate several addresses with spaces",
    empty: "ip= has no address; remove it or give one or more addresses separated by spaces",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("ip");
        if (!e) continue;
        const value = e.value ?? "";
        const span = e.valueSpan ?? e.span;
        if (value.trim() === "") {
          report({ doc: guest, span, messageId: "empty" });
          continue;
        }
        const exact = guest.slice(span) === value;
        for (const m of value.matchAll(/\S+/g)) {
          if (isAddress(m[0])) continue;
          const at = exact ? { start: span.start + m.index, end: span.start + m.index + m[0].length } : span;
          report({ doc: guest, span: at, messageId: "invalid", data: { word: m[0] } });
        }
      }
    }
  },
});
