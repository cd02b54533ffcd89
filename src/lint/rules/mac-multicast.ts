import { defineRule } from "../rule.js";
import { isMulticastMac } from "../../mac/mac-address.js";

/**
 * Bit 0 of the first octet marks a group address. xl does not check it (xl_parse.c reads the octets and
 * nothing more), so the guest starts with an address its NIC must not own: bridges flood its frames and
 * many guest kernels refuse it.
 */
export default defineRule({
  id: "mac-multicast",
  severity: "error",
  description: "a vif mac= whose first octet has the multicast bit set",
  messages: {
    multicast: "{{mac}} is a multicast (group) address: the first octet {{octet}} is odd, and no interface may use a group address as its own. Xen's own range is 00:16:3e:00:00:00 to 00:16:3e:7f:ff:ff",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("mac");
        const parsed = vif.parsedMac;
        if (!e || !parsed?.ok || !isMulticastMac(parsed.mac)) continue;
        report({ doc: guest, span: e.valueSpan ?? e.span, messageId: "multicast", data: { mac: e.value!, octet: parsed.mac.slice(0, 2) } });
      }
    }
  },
});
