import { defineRule } from "../rule.js";
import { linuxNameProblem } from "../../script/interface-name.js";

/**
 * `bridge=` names a Linux interface: at most 15 bytes, no '/', no whitespace, not '.' or '..'
 * (dev_valid_name). vif-openvswitch's `bridge=NAME:VLAN[:VLAN...]` names bridge NAME, so only the part
 * before the first ':' is checked. Whether the bridge exists on the host is bridge-undefined's question.
 */
export default defineRule({
  id: "vif-bridge-invalid",
  severity: "error",
  description: "a vif bridge= that cannot be a Linux interface name (too long, '/', whitespace, empty)",
  messages: {
    tooLong: "bridge '{{name}}' is {{bytes}} bytes; Linux interface names hold at most 15, so no such bridge can exist",
    invalid: "bridge '{{name}}' cannot be a Linux interface name: {{why}}",
    empty: "bridge= has no name; remove it to use the default bridge or name one",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("bridge");
        if (!e) continue;
        const span = e.valueSpan ?? e.span;
        const name = (e.value ?? "").split(":")[0]!;
        const problem = linuxNameProblem(name);
        if (problem?.kind === "empty") report({ doc: guest, span, messageId: "empty" });
        else if (problem?.kind === "too-long") report({ doc: guest, span, messageId: "tooLong", data: { name, bytes: problem.bytes } });
        else if (problem?.kind === "invalid") report({ doc: guest, span, messageId: "invalid", data: { name, why: problem.why } });
      }
    }
  },
});
