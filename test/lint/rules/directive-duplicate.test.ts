import rule from "../../../src/lint/rules/directive-duplicate.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    { name: "with xl nothing reads the file", xen: "xl", ...sxp("(dom0-min-mem 196)\n(dom0-min-mem 512)\n") },
    sxp("(network-script network-bridge)\n(vif-script vif-bridge)\n(dom0-min-mem 196)\n"),
    { name: "commented-out stock lines are comments", ...sxp("#(network-script network-route)\n(network-script network-bridge)\n") },
  ],
  invalid: [
    {
      name: "network-script set twice with different values is an error",
      ...sxp("(network-script network-bridge)\n(dom0-min-mem 196)\n(network-script 'network-bridge netdev=eth1 bridge=xenbr1')\n"),
      errors: [
        {
          messageId: "duplicate",
          file: XEND,
          line: 3,
          column: 1,
          endColumn: 60,
          severity: "error",
          message: "'network-script' is set again here; xend uses the first one ((network-script network-bridge), line 1) and ignores this one",
        },
      ],
    },
    {
      name: "other directives, and an identical network-script, are warnings",
      ...sxp("(dom0-min-mem 196)\n(network-script network-bridge)\n(dom0-min-mem 512)\n(network-script network-bridge)\n(dom0-min-mem 1024)\n"),
      errors: [
        { messageId: "duplicate", file: XEND, line: 3, column: 1, severity: "warning", message: /uses the first one \(\(dom0-min-mem 196\), line 1\)/ },
        { messageId: "duplicate", file: XEND, line: 4, column: 1, severity: "warning", message: /\(the same value: remove this line\)$/ },
        { messageId: "duplicate", file: XEND, line: 5, column: 1, severity: "warning", message: /line 1\)/ },
      ],
    },
  ],
});
