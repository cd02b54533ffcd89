import rule from "../../../src/lint/rules/script-family-mismatch.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    sxp("(network-script network-bridge)\n(vif-script vif-bridge)\n"),
    sxp("(network-script network-route)\n(vif-script vif-route)\n"),
    sxp("(network-script 'network-nat netdev=eth0')\n(vif-script 'vif-nat')\n"),
    { name: "no vif-script: xend's default vif-bridge goes with network-bridge", ...sxp("(network-script network-bridge)\n") },
    { name: "route and nat both forward: not judged", ...sxp("(network-script network-nat)\n(vif-script vif-route)\n") },
    { name: "custom scripts are not judged", ...sxp("(network-script my-net)\n(vif-script vif-route)\n") },
    { name: "vif-openvswitch is not judged", ...sxp("(network-script network-bridge)\n(vif-script vif-openvswitch)\n") },
    {
      name: "a wrapper that calls network-bridge is bridge family",
      files: { [XEND]: "(network-script network-wrapper)\n(vif-script vif-bridge)\n", "etc/xen/scripts/network-wrapper": "#!/bin/sh\n/etc/xen/scripts/network-bridge $1 netdev=eth0\n" },
    },
    { name: "with xl nothing runs network-script", xen: "xl", ...sxp("(network-script network-route)\n(vif-script vif-bridge)\n") },
  ],
  invalid: [
    {
      ...sxp("(network-script network-route)\n(vif-script vif-bridge)\n"),
      errors: [
        {
          messageId: "mismatch",
          file: XEND,
          line: 2,
          column: 13,
          endColumn: 23,
          message: "network-script network-route sets up route networking but vif-script is vif-bridge, for bridge networking; use vif-route with it (or network-bridge with vif-bridge)",
        },
      ],
    },
    {
      name: "no vif-script: the default vif-bridge does not go with network-nat",
      ...sxp("(network-script network-nat)\n"),
      errors: [{ messageId: "mismatch", file: XEND, line: 1, column: 1, message: /the default vif-script \(none is set\) is vif-bridge/ }],
    },
    {
      name: "a bridge-building wrapper with vif-route",
      files: {
        [XEND]: "(network-script network-wrapper)\n(vif-script vif-route)\n",
        "etc/xen/scripts/network-wrapper": "#!/bin/sh\nip link add br0 type bridge\n",
      },
      errors: [{ messageId: "mismatch", file: XEND, line: 2, column: 13, message: /network-wrapper \(a wrapper that builds bridges\) sets up bridge networking/ }],
    },
  ],
});
