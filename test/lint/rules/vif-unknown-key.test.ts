import rule from "../../../src/lint/rules/vif-unknown-key.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0, vifname=web1, script=vif-bridge, ip=10.0.0.2, rate=10Mb/s' ]\n",
    "vif = [ 'type=ioemu, model=e1000, backend=0, mtu=9000, vlan=10, gatewaydev=eth0, trusted' ]\n",
    "vif = [ '' ]\n",
    // xm (Xen 3.x-4.4) took sHype labels: accepted unless --xen says xl.
    "vif = [ 'bridge=xenbr0, policy=ACM, label=dom_web' ]\n",
    { code: "vif = [ 'bridge=xenbr0, label=dom_web' ]\n", xen: "4.1" },
  ],
  invalid: [
    {
      code: "vif = [ 'mac=00:16:3e:07:d2:0e, brigde=xenbr1' ]\n",
      errors: [{ messageId: "unknown", line: 1, column: 33, endColumn: 39, message: "xl does not know the vif key 'brigde' and refuses to start the guest (\"unrecognized argument\"); did you mean 'bridge'?" }],
    },
    { code: "vif = [ 'MAC=00:16:3e:07:d2:0e' ]\n", errors: [{ messageId: "unknown", column: 10, message: /did you mean 'mac'\?$/ }] },
    { code: "vif = [ 'bandwidth=10Mb/s' ]\n", errors: [{ messageId: "unknown", message: /"unrecognized argument"\)$/ }] },
    { code: "vif = [ 'bridge=xenbr0, label=dom_web' ]\n", xen: "xl", errors: [{ messageId: "xmOnly", column: 25 }] },
    { code: "vif = [ 'bridge=xenbr0,=xenbr1' ]\n", errors: [{ messageId: "emptyKey", column: 24 }] },
  ],
});
