import rule from "../../../src/lint/rules/network-script-unknown-arg.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    { name: "with xl nothing reads the file", xen: "xl", ...sxp("(network-script 'network-bridge antispoofing=yes')\n") },
    sxp("(network-script 'network-bridge vifnum=1 bridge=xenbr1 netdev=eth1 antispoof=yes')\n"),
    sxp("(network-script 'network-route netdev=eth0 antispoof=no')\n"),
    sxp("(network-script 'network-nat netdev=eth0 dhcp=yes')\n"),
    { name: "the command word xend passes anyway", ...sxp("(network-script 'network-bridge start netdev=eth0')\n") },
    { name: "custom scripts take what they take", ...sxp("(network-script 'network-wrapper mode=fast')\n") },
    {
      name: "a wrapper passing only what network-bridge reads",
      files: { [XEND]: "(network-script network-wrapper)\n", "etc/xen/scripts/network-wrapper": '#!/bin/sh\n"$(dirname "$0")/network-bridge" "$@" vifnum=1 netdev=eth1 bridge=xenbr1 antispoof=no\n' },
    },
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
    {
      name: "a wrapper's network-bridge call, reported at the directive (once per call, even in a loop)",
      files: {
        [XEND]: "(network-script network-wrapper)\n",
        "etc/xen/scripts/network-wrapper": "#!/bin/sh\nfor n in 0 1; do\n  /etc/xen/scripts/network-bridge \"$1\" netdev=eth$n brigde=xenbr$n\ndone\n",
      },
      errors: [
        {
          messageId: "wrapper",
          file: XEND,
          line: 1,
          column: 17,
          endColumn: 32,
          message: "scripts/network-wrapper line 3 passes 'brigde' to network-bridge, which does not read it, so the argument does nothing (did you mean 'bridge=xenbr0'?); it takes vifnum=, bridge=, netdev=, antispoof=",
        },
      ],
    },
  ],
});
