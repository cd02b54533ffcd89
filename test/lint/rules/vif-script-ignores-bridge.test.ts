import rule from "../../../src/lint/rules/vif-script-ignores-bridge.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const routed = "(network-script network-route)\n(vif-script vif-route)\n";

ruleTester(rule, {
  valid: [
    { name: "routed guests without bridge=", files: { [XEND]: routed, "etc/xen/a.cfg": "vif = [ 'mac=00:16:3e:00:00:01, ip=192.0.2.10' ]\n" } },
    { name: "bridged host", files: { [XEND]: "(vif-script vif-bridge)\n", "etc/xen/a.cfg": "vif = [ 'bridge=xenbr0' ]\n" } },
    { name: "an interface with its own script=", files: { [XEND]: routed, "etc/xen/a.cfg": "vif = [ 'bridge=xenbr0, script=vif-bridge' ]\n" } },
    { name: "no vif-script directive: xend's default is vif-bridge", files: { [XEND]: "(network-script network-route)\n", "etc/xen/a.cfg": "vif = [ 'bridge=xenbr0' ]\n" } },
  ],
  invalid: [
    {
      files: {
        [XEND]: routed,
        "etc/xen/a.cfg": "name = 'a'\nvif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr0' ]\n",
        "etc/xen/b.cfg": "vif = [ 'bridge=xenbr0', 'bridge=xenbr1' ]\n",
      },
      errors: [
        {
          messageId: "ignored",
          file: XEND,
          line: 2,
          column: 13,
          endColumn: 22,
          message:
            "the host's vif-script is vif-route, which routes each interface and ignores bridge=, but 3 interfaces in 2 guests name a bridge (first: a.cfg line 2, bridge=xenbr0); either the guests were written for a bridged host or the host should use vif-bridge",
        },
      ],
    },
    {
      name: "xl: xl.conf's vif.default.script",
      xen: "xl",
      files: { "etc/xen/xl.conf": 'vif.default.script="vif-nat"\n', "etc/xen/a.cfg": "vif = [ 'bridge=xenbr0' ]\n" },
      errors: [{ messageId: "ignored", file: "etc/xen/xl.conf", line: 1, column: 20, endColumn: 29, message: /vif-script is vif-nat.*1 interface in 1 guest names a bridge/ }],
    },
  ],
});
