import rule from "../../../src/lint/rules/vif-deprecated-key.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'script=vif-route, gatewaydev=eth1' ]\n",
    // accel was xm's; without --xen xl it is not reported.
    "vif = [ 'accel=sfc' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'script=vif-route, netdev=eth1' ]\n", errors: [{ messageId: "netdev", line: 1, column: 28, endColumn: 34, message: "netdev= is deprecated: xl warns and reads it as gatewaydev=; write gatewaydev=eth1" }] },
    { code: "vif = [ 'accel=sfc' ]\n", xen: "xl", errors: [{ messageId: "accel", column: 10 }] },
  ],
});
