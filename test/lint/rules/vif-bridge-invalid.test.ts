import rule from "../../../src/lint/rules/vif-bridge-invalid.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'bridge=xenbr0' ]\n",
    // vif-openvswitch's bridge:VLAN form (libvirt's test-fullvirt-ovswitch-trunked).
    "vif = [ 'bridge=ovsbr0:42:43, script=vif-openvswitch' ]\n",
    "vif = [ 'bridge=br-storage-1234' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'bridge=br-storage-12345' ]\n", errors: [{ messageId: "tooLong", line: 1, column: 17, endColumn: 33, message: /is 16 bytes/ }] },
    { code: "vif = [ 'bridge=xen br0' ]\n", errors: [{ messageId: "invalid", message: /whitespace/ }] },
    { code: "vif = [ 'bridge=/dev/xenbr0' ]\n", errors: [{ messageId: "invalid", message: /'\/'/ }] },
    { code: "vif = [ 'bridge=' ]\n", errors: [{ messageId: "empty" }] },
  ],
});
