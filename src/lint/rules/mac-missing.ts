import { defineRule } from "../rule.js";
import { looksLikeSplitVifSpec } from "../../domain/split-vif-spec.js";

/**
 * A vif without mac= gets a fresh random address each time the guest is created (netif.py randomMAC,
 * libxl_nic.c): 23 random bits under 00:16:3e, about a 50% chance of a collision among ~3,400 NICs, and
 * a new address for DHCP, ARP caches and firewall rules at every start.
 */
export default defineRule({
  id: "mac-missing",
  severity: "info",
  description: "a vif without mac= gets a new random address at every start",
  messages: {
    missing: "interface {{devid}} has no mac=, so Xen picks a new random address at every start (23 random bits: a 50% chance of a collision somewhere among ~3,400 NICs). Pin one with `xencfg fix --assign-macs --write {{file}}`",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      // A list that looks like one interface split into entries is vif-split-spec's finding; pinning an
      // address on each entry (as the hint says) would make the split for good.
      if (looksLikeSplitVifSpec(guest)) continue;
      for (const vif of guest.vifs) {
        if (!vif.has("mac")) report({ doc: guest, span: vif.span, messageId: "missing", data: { devid: vif.devid, file: guest.file } });
      }
    }
  },
});
