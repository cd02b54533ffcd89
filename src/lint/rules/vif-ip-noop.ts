import { defineRule } from "../rule.js";
import { vifScriptOf } from "../guest-facts.js";
import { xendConfigOf } from "../host-bridges.js";
import type { XenTree } from "../../host/read-host.js";

/**
 * With vif-bridge, `ip=` only feeds the anti-spoofing firewall rules (vif-common.sh handle_iptable), which
 * matter when network-bridge runs with antispoof=yes; nothing in the guest gets that address. With
 * vif-route and vif-nat it does set up routes, so those stay quiet, and so does a host whose
 * network-script asks for antispoof=yes.
 */
export default defineRule({
  id: "vif-ip-noop",
  severity: "info",
  description: "ip= with vif-bridge configures nothing in the guest; it only feeds anti-spoofing rules",
  messages: {
    noop: "ip= with vif-bridge configures nothing in the guest: vif-bridge only uses it for anti-spoofing firewall rules (network-bridge antispoof=yes). Set the address inside the guest (its network config or DHCP)",
  },
  check: ({ guests, xen, report }) => {
    // Once per tree: networkScript decomposes the directive anew on every call, and a tree has thousands of guests.
    const antispoofOf = new Map<XenTree, boolean>();
    for (const { guest, tree } of guests) {
      let antispoof = antispoofOf.get(tree);
      if (antispoof === undefined) {
        antispoof = xendConfigOf(tree)?.networkScript?.args.some((a) => a.key === "antispoof" && a.value === "yes") ?? false;
        antispoofOf.set(tree, antispoof);
      }
      if (antispoof) continue;
      for (const vif of guest.vifs) {
        const e = vif.entry("ip");
        if (!e || vifScriptOf(vif, tree, xen) !== "vif-bridge") continue;
        report({ doc: guest, span: e.span, messageId: "noop" });
      }
    }
  },
});
