import rule from "../../../src/lint/rules/mac-not-xen-oui.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e' ]\n",
    // Xen's OUI above xend's random range (fourth octet >= 0x80) is still Xen's.
    "vif = [ 'mac=00:16:3e:a0:00:01' ]\n",
    // Locally administered, as the xl manual suggests.
    "vif = [ 'mac=02:00:00:00:00:01' ]\n",
    "vif = [ 'mac=aa:00:00:00:00:11' ]\n",
    // Multicast is mac-multicast's.
    "vif = [ 'mac=01:00:5e:00:00:01' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'mac=00:50:56:01:02:03' ]\n", errors: [{ messageId: "vendor", line: 1, column: 14, severity: "info", message: /OUI 00:50:56/ }] },
    { code: "vif = [ 'mac=48:5B:39:89:E5:43' ]\n", errors: [{ messageId: "vendor", column: 14, message: /48:5B:39:89:E5:43 is under the OUI 48:5b:39/ }] },
  ],
});
