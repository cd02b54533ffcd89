import { isIPv4, isIPv6 } from "node:net";
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

export function isAddress(word: string): boolean {
  const [addr, prefix, ...rest] = word.split("/");
  if (rest.length > 0 || !addr) return false;
  const v4 = isIPv4(addr);
  if (!v4 && !isIPv6(addr)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}
