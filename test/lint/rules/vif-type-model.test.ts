import rule from "../../../src/lint/rules/vif-type-model.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "builder = 'hvm'\nvif = [ 'type=ioemu, model=e1000, bridge=xenbr0' ]\n",
    "builder = 'hvm'\nvif = [ 'type=vif, bridge=xenbr0' ]\n",
    "vif = [ 'bridge=xenbr0' ]\n",
    // xl and xend from 3.1 default type to ioemu for HVM guests; without --xen, what some version accepts is fine.
    { code: "builder = 'hvm'\nvif = [ 'model=e1000' ]\n", xen: "xl" },
    { code: "builder = 'hvm'\nvif = [ 'model=e1000' ]\n", xen: "3.1" },
    "builder = 'hvm'\nvif = [ 'model=e1000' ]\n",
    // A guest whose builder Python computes: it may be HVM, so say nothing.
    "builder = 'h' + 'vm'\nvif = [ 'model=e1000' ]\n",
  ],
  invalid: [
    { code: "builder = 'hvm'\nvif = [ 'type=netfront' ]\n", errors: [{ messageId: "badType", line: 2, column: 15, endColumn: 23, message: "type=netfront is not a vif type: xl skips it (\"Invalid parameter `type'\") and uses its default (ioemu for an HVM guest), and xm's xend emulates no NIC for it. Write type=ioemu or type=vif" }] },
    { code: "builder = 'hvm'\nvif = [ 'type=vif, model=e1000' ]\n", errors: [{ messageId: "modelWithVif", line: 2, column: 20, endColumn: 31 }] },
    // libvirt's test-paravirt-net-vifname.
    { code: "bootloader = '/usr/bin/pygrub'\nvif = [ 'bridge=br0,model=e1000' ]\n", errors: [{ messageId: "modelPv", line: 2, column: 21 }] },
    { code: "builder = 'hvm'\nvif = [ 'model=e1000, bridge=xenbr0' ]\n", xen: "3.0", errors: [{ messageId: "modelNoType", line: 2, column: 10, message: /^model=e1000 without type=ioemu: Xen 3\.0's xend/ }] },
  ],
});
