import rule from "../../../src/lint/rules/mac-multicast.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e' ]\n",
    // Locally administered unicast (first octet ...10): fine.
    "vif = [ 'mac=aa:00:00:00:00:11' ]\n",
    "vif = [ 'mac=01:00:5e' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'mac=01:00:5e:00:00:01' ]\n", errors: [{ messageId: "multicast", line: 1, column: 14, message: /first octet 01 is odd/ }] },
    { code: "vif = [ 'mac=FF:FF:FF:FF:FF:FF' ]\n", errors: [{ messageId: "multicast", column: 14 }] },
    { code: "vif = [ 'bridge=xenbr0', 'mac=03:16:3e:07:d2:0e' ]\n", errors: [{ messageId: "multicast", column: 31 }] },
  ],
});
