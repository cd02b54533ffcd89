import rule from "../../../src/lint/rules/network-bridge-netdev-implicit.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const WRAPPER = "etc/xen/scripts/network-wrapper";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    sxp("(network-script 'network-bridge netdev=eth0')\n"),
    sxp("(network-script 'network-bridge bridge=null')\n"),
    sxp("(network-script network-route)\n"),
    { name: "xl does not run it", xen: "xl", ...sxp("(network-script network-bridge)\n") },
    { name: "netdev= given but unquoted: network-script-unquoted-args reports that cause", ...sxp("(network-script network-bridge netdev=eth1)\n") },
    { name: "a wrapper naming each NIC", files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: '#!/bin/sh\n"$(dirname "$0")/network-bridge" "$@" netdev=eth0 bridge=xenbr0\n' } },
  ],
  invalid: [
    {
      ...sxp("(network-script network-bridge)\n"),
      errors: [
        {
          messageId: "implicit",
          file: XEND,
          line: 1,
          column: 17,
          endColumn: 31,
          message: "network-bridge without netdev= bridges the NIC holding the default route (Xen 3.2 and later; eth0 on 3.0 and 3.1): the classic way to cut a remote host off. Name the NIC with netdev=",
        },
      ],
    },
    {
      name: "bridge= alone still leaves the NIC to chance; Xen 3.0 wording",
      xen: "3.0",
      ...sxp("(network-script 'network-bridge bridge=xenbr0')\n"),
      errors: [{ messageId: "implicit", file: XEND, line: 1, column: 18, message: /bridges eth0 \(ethN for vifnum=N; Xen 3\.0 and 3\.1\)/ }],
    },
    {
      name: "unquoted arguments other than netdev= are dropped too; Xen 4.1 wording",
      xen: "4.1",
      ...sxp("(network-script network-bridge bridge=xenbr1)\n"),
      errors: [{ messageId: "implicit", file: XEND, line: 1, column: 17, message: /the NIC holding the default route \(or eth0\)/ }],
    },
    {
      name: "a wrapper call without netdev=",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\n/etc/xen/scripts/network-bridge $1 netdev=eth0 bridge=xenbr0\n/etc/xen/scripts/network-bridge $1 bridge=xenbr1\n" },
      errors: [{ messageId: "wrapper", file: XEND, line: 1, column: 17, endColumn: 32, message: /^scripts\/network-wrapper line 3 calls network-bridge without netdev=/ }],
    },
  ],
});
