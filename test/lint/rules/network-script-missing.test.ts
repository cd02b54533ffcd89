import rule from "../../../src/lint/rules/network-script-missing.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const stock = { "etc/xen/scripts/network-bridge": "#!/bin/sh\n", "etc/xen/scripts/vif-bridge": "#!/bin/sh\n" };

ruleTester(rule, {
  valid: [
    { name: "both scripts present", files: { [XEND]: "(network-script 'network-bridge netdev=eth0')\n(vif-script vif-bridge)\n", ...stock } },
    { name: "no scripts folder in the tree: nothing to check against", files: { [XEND]: "(network-script network-wrapper)\n" } },
    { name: "a path outside /etc/xen/scripts is not checkable", files: { [XEND]: "(network-script /usr/local/sbin/xen-net)\n", ...stock } },
    { name: "a path inside /etc/xen/scripts that exists", files: { [XEND]: "(network-script /etc/xen/scripts/network-bridge)\n", ...stock } },
    {
      name: "a guest's own script= that exists",
      files: { [XEND]: "(vif-script vif-bridge)\n", ...stock, "etc/xen/a.cfg": "vif = [ 'mac=00:16:3e:00:00:01, script=vif-bridge' ]\n" },
    },
  ],
  invalid: [
    {
      name: "the seed article's wrapper name, with the script present under another name",
      files: {
        [XEND]: "# bridges\n(network-script network-bridge-wrapper)\n(vif-script vif-bridge)\n",
        ...stock,
        "etc/xen/scripts/network-wrapper": "#!/bin/sh\n",
      },
      errors: [
        {
          messageId: "missing",
          file: XEND,
          line: 2,
          column: 17,
          endColumn: 39,
          message: "network-script 'network-bridge-wrapper' is not in etc/xen/scripts, so xend cannot set up the host's network when it starts (did you mean 'network-wrapper'?)",
        },
      ],
    },
    {
      name: "a misspelt vif-script inside a quoted call",
      files: { [XEND]: "(vif-script 'vif-brige bridge=xenbr0')\n", ...stock },
      errors: [{ messageId: "missing", file: XEND, line: 1, column: 14, endColumn: 23, message: /vif-script 'vif-brige'.*\(did you mean 'vif-bridge'\?\)/ }],
    },
    {
      name: "a /etc/xen/scripts path to a missing script",
      files: { [XEND]: "(network-script /etc/xen/scripts/network-nat)\n", ...stock },
      errors: [{ messageId: "missing", file: XEND, line: 1, column: 17 }],
    },
    {
      name: "a guest's script= names a missing script",
      files: { [XEND]: "(vif-script vif-bridge)\n", ...stock, "etc/xen/a.cfg": "vif = [ 'mac=00:16:3e:00:00:01, script=vif-openvswitch' ]\n" },
      errors: [{ messageId: "missing", file: "etc/xen/a.cfg", line: 1, column: 40, endColumn: 55, message: /script= 'vif-openvswitch' is not in etc\/xen\/scripts, so this interface cannot be brought up/ }],
    },
    {
      name: "xl.conf's default vif script",
      files: { "etc/xen/xl.conf": 'vif.default.script="vif-brdge"\n', ...stock },
      errors: [{ messageId: "missing", file: "etc/xen/xl.conf", line: 1, column: 20, endColumn: 31, message: /^vif\.default\.script 'vif-brdge' is not in etc\/xen\/scripts, so no guest interface without its own script= can be brought up by xl \(did you mean 'vif-bridge'\?\)$/ }],
    },
  ],
});
