import rule from "../../../src/lint/rules/network-script-ignored.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";

ruleTester(rule, {
  valid: [
    { name: "xend-era host", files: { [XEND]: "(network-script network-bridge)\n" } },
    { name: "Xen 4.4 with xend", xen: "4.4", files: { [XEND]: "(network-script network-bridge)\n" } },
    { name: "xl host without network-script", xen: "xl", files: { [XEND]: "(vif-script vif-bridge)\n" } },
  ],
  invalid: [
    {
      xen: "xl",
      files: { [XEND]: "# stock\n(network-script 'network-bridge netdev=eth0')\n" },
      errors: [
        {
          messageId: "ignored",
          file: XEND,
          line: 2,
          column: 1,
          endColumn: 46,
          message:
            "xl does not run network-script (xend, which did, is gone from Xen 4.5), so 'network-bridge' never builds its bridges; build them in the distribution's network configuration and declare them in the xencfg config file",
        },
      ],
    },
    { name: "Xen 4.5 has no xend", xen: "4.5", files: { [XEND]: "(network-script network-wrapper)\n" }, errors: [{ messageId: "ignored", file: XEND, line: 1, column: 1, message: /'network-wrapper' never/ }] },
  ],
});
