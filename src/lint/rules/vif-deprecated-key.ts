import { defineRule } from "../rule.js";

/**
 * `netdev` is xl's old name for `gatewaydev`: xl prints "the netdev parameter is deprecated, please use
 * gatewaydev instead" (xl_parse.c), and xm never took it. `accel` was xm's netfront accelerator plug-in
 * (Xen 3.x); xl ignores it ("the accel parameter for vifs is currently not supported"), so it is reported
 * only when --xen says xl.
 */
export default defineRule({
  id: "vif-deprecated-key",
  severity: "warning",
  description: "a deprecated vif key: netdev= (now gatewaydev=), accel= (ignored by xl)",
  messages: {
    netdev: "netdev= is deprecated: xl warns and reads it as gatewaydev=; write gatewaydev={{value}}",
    accel: "accel= is ignored by xl (\"the accel parameter for vifs is currently not supported\"); remove it",
  },
  check: ({ guests, xen, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        for (const e of vif.entries) {
          if (e.key === "netdev") report({ doc: guest, span: e.keySpan, messageId: "netdev", data: { value: e.value ?? "" } });
          else if (e.key === "accel" && xen?.xl) report({ doc: guest, span: e.keySpan, messageId: "accel" });
        }
      }
    }
  },
});
