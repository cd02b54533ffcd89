import { defineRule } from "../rule.js";
import { isLocallyAdministeredMac, isMulticastMac, XEN_OUI } from "../../mac/mac-address.js";

/**
 * Xen makes up addresses under its own OUI 00:16:3e (netif.py randomMAC, libxl_nic.c). A universally
 * administered address under another OUI belongs to some vendor's hardware (often copied from a physical
 * NIC or another hypervisor) and can clash with a real device. Locally administered addresses (second bit
 * of the first octet) are the xl manual's own alternative, so they are fine.
 */
export default defineRule({
  id: "mac-not-xen-oui",
  severity: "info",
  description: "a vif mac= under another vendor's OUI (neither Xen's 00:16:3e nor locally administered)",
  messages: {
    vendor: "{{mac}} is under the OUI {{oui}}, which belongs to a hardware vendor, not Xen's 00:16:3e; a real NIC with that address would clash. Use 00:16:3e:xx:xx:xx (xencfg mac prints free ones) or a locally administered address",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("mac");
        const parsed = vif.parsedMac;
        if (!e || !parsed?.ok) continue;
        const mac = parsed.mac;
        if (mac.startsWith(`${XEN_OUI}:`) || isLocallyAdministeredMac(mac) || isMulticastMac(mac)) continue;
        report({ doc: guest, span: e.valueSpan ?? e.span, messageId: "vendor", data: { mac: e.value!, oui: mac.slice(0, 8) } });
      }
    }
  },
});
