import rule from "../../../src/lint/rules/vif-vlan-syntax.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    // The examples of xl-network-configuration(5).
    "vif = [ 'bridge=xenbr0, vlan=10' ]\n",
    "vif = [ 'bridge=xenbr0, vlan=10p/20' ]\n",
    "vif = [ 'bridge=xenbr0, vlan=10p/100+10x4' ]\n",
    "vif = [ 'bridge=xenbr0, vlan=10p/100-110u/4094' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'vlan=4095' ]\n", errors: [{ messageId: "range", line: 1, column: 15, endColumn: 19 }] },
    { code: "vif = [ 'vlan=0' ]\n", errors: [{ messageId: "range" }] },
    { code: "vif = [ 'vlan=10p/4000+100x2' ]\n", errors: [{ messageId: "range", message: "'4000+100x2' in vlan= names VLAN IDs outside 1 to 4094" }] },
    { code: "vif = [ 'vlan=10p/20-12' ]\n", errors: [{ messageId: "order" }] },
    { code: "vif = [ 'vlan=10;20' ]\n", errors: [{ messageId: "term" }] },
    { code: "vif = [ 'vlan=10/20' ]\n", errors: [{ messageId: "pvid", message: "vlan=10/20 marks no VLAN as the PVID; add p to one ID, such as 10p/20" }] },
    { code: "vif = [ 'vlan=10p/20p' ]\n", errors: [{ messageId: "pvids" }] },
  ],
});
