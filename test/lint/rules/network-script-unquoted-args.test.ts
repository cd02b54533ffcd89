import rule from "../../../src/lint/rules/network-script-unquoted-args.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    { name: "with xl nothing reads the file", xen: "xl", ...sxp("(network-script network-bridge netdev=eth1)\n") },
    sxp("(network-script 'network-bridge netdev=eth1')\n"),
    sxp('(network-script "network-bridge netdev=eth1 bridge=xenbr1")\n(vif-script vif-bridge)\n'),
    sxp("(network-script network-bridge)\n"),
    { name: "a later duplicate is directive-duplicate's business", ...sxp("(network-script network-bridge)\n(network-script network-bridge netdev=eth1)\n") },
  ],
  invalid: [
    {
      ...sxp("(network-script network-bridge netdev=eth1 bridge=xenbr1)\n"),
      errors: [
        {
          messageId: "dropped",
          file: XEND,
          line: 1,
          column: 32,
          endColumn: 57,
          message: "xend runs only 'network-bridge': it takes the first value of network-script and drops 'netdev=eth1 bridge=xenbr1'. Quote the whole command: (network-script 'network-bridge netdev=eth1 bridge=xenbr1')",
        },
      ],
    },
    {
      name: "the quote style of the file is kept in the suggestion",
      ...sxp('(logfile "/var/log/xen/xend.log")\n(vif-script vif-bridge\n  bridge=xenbr0)\n'),
      errors: [{ messageId: "dropped", file: XEND, line: 3, column: 3, endColumn: 16, message: /\(vif-script "vif-bridge bridge=xenbr0"\)$/ }],
    },
  ],
});
