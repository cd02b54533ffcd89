import { defineRule } from "../rule.js";
import { isHvm, isKnownPv } from "../guest-facts.js";
import { atLeast } from "../xen-version.js";

/**
 * `type` is `ioemu` (an emulated NIC, plus the PV one) or `vif` (PV only). For anything else xl prints
 * "Invalid parameter `type'" and goes on with its default (parse_config_data ignores parse_nic_config's
 * result, tools/xl/xl_parse.c); xend (image.py) emulates a NIC only for type ioemu.
 * `model` picks the emulated NIC, so it means something only for an HVM guest with type=ioemu. xl and
 * xend from 3.1 default type to ioemu (image.py `devinfo.get('type', 'ioemu')`); Xen 3.0's xend emulated
 * a NIC only when the vif said type=ioemu (`sxp.child_value(info, 'type')`), so there model= without it
 * does nothing. That case is reported only when --xen says 3.0.
 */
export default defineRule({
  id: "vif-type-model",
  severity: "warning",
  description: "type= other than ioemu or vif, or a model= that does nothing (type=vif, a PV guest, or Xen 3.0 without type=ioemu)",
  messages: {
    badType: "type={{type}} is not a vif type: xl skips it (\"Invalid parameter `type'\") and uses its default (ioemu for an HVM guest), and xm's xend emulates no NIC for it. Write type=ioemu or type=vif",
    modelWithVif: "model={{model}} does nothing with type=vif: only an emulated (ioemu) NIC has a model",
    modelPv: "model={{model}} does nothing here: it picks the emulated NIC of an HVM guest, and this guest is PV",
    modelNoType: "model={{model}} without type=ioemu: Xen 3.0's xend emulates a NIC only for vifs with type=ioemu, so this guest gets no emulated NIC and the model is ignored; add type=ioemu (3.1 and later default to it)",
  },
  check: ({ guests, xen, report }) => {
    for (const { guest } of guests) {
      const hvm = isHvm(guest);
      const pv = isKnownPv(guest);
      for (const vif of guest.vifs) {
        const type = vif.entry("type");
        if (type && type.value !== "ioemu" && type.value !== "vif") {
          report({ doc: guest, span: type.valueSpan ?? type.span, messageId: "badType", data: { type: type.value ?? "" } });
          continue;
        }
        const model = vif.entry("model");
        if (!model) continue;
        const data = { model: model.value ?? "" };
        if (type?.value === "vif") report({ doc: guest, span: model.span, messageId: "modelWithVif", data });
        else if (pv) report({ doc: guest, span: model.span, messageId: "modelPv", data });
        else if (hvm && !type && xen && !atLeast(xen, 3, 1)) report({ doc: guest, span: model.span, messageId: "modelNoType", data });
      }
    }
  },
});
