import rule from "../../../src/lint/rules/vif-ip-noop.js";
import { ruleTester } from "../rule-tester.js";

const xend = (network: string, vif: string) => `(network-script ${network})\n(vif-script ${vif})\n`;

ruleTester(rule, {
  valid: [
    "vif = [ 'bridge=xenbr0' ]\n",
    "vif = [ 'ip=10.0.0.2, script=vif-route' ]\n",
    { files: { "etc/xen/xend-config.sxp": xend("network-route", "vif-route"), "etc/xen/web.cfg": "vif = [ 'ip=10.0.0.2' ]\n" } },
    { files: { "etc/xen/xend-config.sxp": xend("network-nat", "vif-nat"), "etc/xen/web.cfg": "vif = [ 'ip=10.0.0.2' ]\n" } },
    {
      name: "anti-spoofing on: ip= is what the rules allow",
      files: { "etc/xen/xend-config.sxp": xend("'network-bridge antispoof=yes'", "vif-bridge"), "etc/xen/web.cfg": "vif = [ 'ip=10.0.0.2' ]\n" },
    },
  ],
  invalid: [
    { code: "vif = [ 'bridge=xenbr0, ip=10.0.0.2' ]\n", errors: [{ messageId: "noop", line: 1, column: 25, endColumn: 36, severity: "info" }] },
    { code: "vif = [ 'ip=10.0.0.2, script=/etc/xen/scripts/vif-bridge' ]\n", errors: [{ messageId: "noop", column: 10 }] },
    {
      files: { "etc/xen/xend-config.sxp": xend("network-bridge", "vif-bridge"), "etc/xen/web.cfg": "vif = [ 'ip=10.0.0.2' ]\n" },
      errors: [{ messageId: "noop", file: "etc/xen/web.cfg" }],
    },
  ],
});
