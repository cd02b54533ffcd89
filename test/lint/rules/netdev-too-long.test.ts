import rule from "../../../src/lint/rules/netdev-too-long.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    sxp("(network-script 'network-bridge netdev=eth0')\n"),
    { name: "14 bytes: p + name is exactly 15", ...sxp("(network-script 'network-bridge netdev=enp0s20f0u1u2')\n") },
    { name: "network-route does not rename the NIC", ...sxp("(network-script 'network-route netdev=enx00e04c680001')\n") },
  ],
  invalid: [
    {
      ...sxp("(network-script 'network-bridge netdev=enx00e04c680001 bridge=xenbr0')\n"),
      errors: [
        {
          messageId: "tooLong",
          file: XEND,
          line: 1,
          column: 40,
          endColumn: 55,
          message: "network-bridge renames enx00e04c680001 to 'penx00e04c680001', 16 bytes, over Linux's 15-byte limit: the rename fails with the NIC already down, and no bridge is built",
        },
      ],
    },
    {
      name: "in a wrapper, through a variable",
      files: {
        [XEND]: "(network-script network-wrapper)\n",
        "etc/xen/scripts/network-wrapper": "#!/bin/sh\nNIC=enx00e04c680001\n/etc/xen/scripts/network-bridge \"$1\" netdev=$NIC bridge=xenbr0\n",
      },
      errors: [{ messageId: "wrapper", file: XEND, line: 1, column: 17, message: /^scripts\/network-wrapper line 3 gives network-bridge netdev=enx00e04c680001/ }],
    },
  ],
});
