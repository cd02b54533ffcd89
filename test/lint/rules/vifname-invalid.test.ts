import rule from "../../../src/lint/rules/vifname-invalid.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'vifname=web1-eth0' ]\n",
    "vif = [ 'vifname=vm_web.0' ]\n",
    // Too long is vifname-too-long's finding, not this rule's.
    "vif = [ 'vifname=web1/frontend0123' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'vifname=web1/eth0' ]\n", errors: [{ messageId: "invalid", line: 1, column: 18, endColumn: 27, message: /^vifname 'web1\/eth0' contains "\/": Linux refuses '\/'/ }] },
    { code: "vif = [ 'vifname=web1:0' ]\n", errors: [{ messageId: "invalid", message: /contains ":"/ }] },
    { code: "vif = [ 'vifname=web 1' ]\n", errors: [{ messageId: "invalid", message: /whitespace/ }] },
    { code: "vif = [ 'vifname=' ]\n", errors: [{ messageId: "invalid", message: "vifname '' is empty" }] },
    { code: "vif = [ 'vifname=$(reboot)' ]\n", errors: [{ messageId: "invalid", message: /shell/ }] },
  ],
});
