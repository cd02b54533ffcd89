import { defineRule } from "../rule.js";
import { MAX_INTERFACE_NAME_BYTES } from "../../script/interface-name.js";
import { isHvm } from "../guest-facts.js";

/**
 * Linux interface names hold 15 bytes (IFNAMSIZ 16 with the NUL). An HVM guest's emulated NIC gets a tap
 * twin named `<vifname>-emu` (libxl) or `tap-<vifname>` (xend's image.py, 3.x), so there the name itself
 * may have 11; a `type=vif` NIC has no twin.
 */
const EMU_SUFFIX = "-emu";

export default defineRule({
  id: "vifname-too-long",
  severity: "error",
  description: "a vifname over 15 bytes, the kernel's limit (11 for HVM guests, whose twin gets -emu appended)",
  messages: {
    tooLong: "vifname '{{name}}' is {{bytes}} bytes; Linux interface names hold at most 15, so the interface cannot be created",
    tooLongHvm: "vifname '{{name}}' is {{bytes}} bytes; this HVM guest's emulated NIC also gets a tap twin named '{{name}}-emu' (xl) or 'tap-{{name}}' (xend), so the name may have at most 11",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      const hvm = isHvm(guest);
      for (const vif of guest.vifs) {
        const e = vif.entry("vifname");
        if (!e?.value) continue;
        const bytes = Buffer.byteLength(e.value, "utf8");
        const twin = hvm && vif.get("type") !== "vif";
        const limit = twin ? MAX_INTERFACE_NAME_BYTES - EMU_SUFFIX.length : MAX_INTERFACE_NAME_BYTES;
        if (bytes <= limit) continue;
        const messageId = bytes > MAX_INTERFACE_NAME_BYTES || !twin ? "tooLong" : "tooLongHvm";
        report({ doc: guest, span: e.valueSpan ?? e.span, messageId, data: { name: e.value, bytes } });
      }
    }
  },
});
