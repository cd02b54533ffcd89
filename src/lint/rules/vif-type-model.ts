import { defineRule } from "../rule.js";
import { isHvm, isKnownPv } from "../guest-facts.js";

/**
 * `type` is `ioemu` (an emulated NIC, plus the PV one) or `vif` (PV only); xl refuses anything else.
 * `model` picks the emulated NIC, so it means something only for an HVM guest with type=ioemu. xl
 * defaults type to ioemu for HVM guests; xend (Xen 3.x to 4.4) emulated a NIC only when the vif said
 * type=ioemu (tools/python/xen/xend/image.py), so there model= without it does nothing.
 */
export default defineRule({
  id: "vif-type-model",
  severity: "warning",
  description: "type= other than ioemu or vif, or a model= that does nothing (no type=ioemu, or a PV guest)",
  messages: {
    badType: "type={{type}} is not a vif type: xl accepts ioemu or vif and refuses to start the guest with anything else",
    modelWithVif: "model={{model}} does nothing with type=vif: only an emulated (ioemu) NIC has a model",
    modelPv: "model={{model}} does nothing here: it picks the emulated NIC of an HVM guest, and this guest is PV",
    modelNoType: "model={{model}} without type=ioemu: xend (Xen 3.x to 4.4) emulates a NIC only for type=ioemu, so the model is ignored there; add type=ioemu (xl, Xen 4.5+, defaults to it)",
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
        else if (hvm && !type && !xen?.xl) report({ doc: guest, span: model.span, messageId: "modelNoType", data });
      }
    }
  },
});
