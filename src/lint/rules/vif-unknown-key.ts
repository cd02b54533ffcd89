import { defineRule } from "../rule.js";
import { KNOWN_VIF_KEYS } from "../../domain/vif-spec.js";
import { nearest } from "../nearest.js";

/**
 * xl refuses a vif key it does not know ("unrecognized argument", xl_parse.c parse_nic_config) and the
 * guest does not start. xm (Xen 3.x-4.4) also took `policy` and `label` (sHype security labels;
 * tools/python/xen/xm/create.py), which xl does not: those are reported only when --xen says xl.
 */
const XM_ONLY = ["policy", "label"];
const KNOWN: readonly string[] = KNOWN_VIF_KEYS;

export default defineRule({
  id: "vif-unknown-key",
  severity: "error",
  description: "a vif key xl does not know (with the nearest known key)",
  messages: {
    unknown: "xl does not know the vif key '{{key}}' and refuses to start the guest (\"unrecognized argument\"){{hint}}",
    xmOnly: "'{{key}}' is a vif key only xm knew (sHype security labels, Xen 3.x to 4.4); xl refuses to start the guest with it",
    emptyKey: "this vif entry has no key before '='; xl refuses it",
  },
  check: ({ guests, xen, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        for (const e of vif.entries) {
          if (KNOWN.includes(e.key)) continue;
          if (e.key === "") report({ doc: guest, span: e.span, messageId: "emptyKey" });
          else if (XM_ONLY.includes(e.key)) {
            if (xen?.xl) report({ doc: guest, span: e.keySpan, messageId: "xmOnly", data: { key: e.key } });
          } else {
            const guess = nearest(e.key, KNOWN);
            report({ doc: guest, span: e.keySpan, messageId: "unknown", data: { key: e.key, hint: guess ? `; did you mean '${guess}'?` : "" } });
          }
        }
      }
    }
  },
});
