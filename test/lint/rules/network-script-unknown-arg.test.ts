import rule from "../../../src/lint/rules/network-script-unknown-arg.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    sxp("(network-script 'network-bridge vifnum=1 bridge=xenbr1 netdev=eth1 antispoof=yes')\n"),
    sxp("(network-script 'network-route netdev=eth0 antispoof=no')\n"),
    sxp("(network-script 'network-nat netdev=eth0 dhcp=yes')\n"),
    { name: "the command word xend passes anyway", ...sxp("(network-script 'network-bridge start netdev=eth0')\n") },
    { name: "custom scripts take what they take", ...sxp("(network-script 'network-wrapper mode=fast')\n") },
    { name: "unquoted arguments are network-script-unquoted-args' business", ...sxp("(network-script network-bridge antispoofing=yes)\n") },
  ],
  invalid: [
    {
      ...sxp("(network-script 'network-bridge netdev=eth0 antispoofing=yes')\n"),
      errors: [
        {
          messageId: "unknown",
          file: XEND,
          line: 1,
          column: 45,
          endColumn: 57,
          message: "network-bridge does not read 'antispoofing', so this argument does nothing (did you mean 'antispoof=yes'?); it takes vifnum=, bridge=, netdev=, antispoof=",
        },
      ],
    },
    {
      name: "dhcp belongs to network-nat, not network-route; a bare word is no argument",
      ...sxp("(network-script 'network-route dhcp=yes eth1')\n"),
      errors: [
        { messageId: "unknown", file: XEND, line: 1, column: 32, endColumn: 36, message: /network-route does not read 'dhcp'/ },
        { messageId: "notKeyValue", file: XEND, line: 1, column: 41, endColumn: 45, message: /'eth1' is not a key=value argument/ },
      ],
    },
  ],
});
