import rule from "../../../src/lint/rules/vifname-duplicate.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { files: { "etc/xen/a.cfg": "vif = [ 'vifname=web1' ]\n", "etc/xen/b.cfg": "vif = [ 'vifname=web2' ]\n" } },
    "vif = [ 'vifname=web1', 'vifname=web1b' ]\n",
    // Two PV guests: no -emu twins, so web1 and web1-emu do not collide.
    { files: { "etc/xen/a.cfg": "vif = [ 'vifname=web1' ]\n", "etc/xen/b.cfg": "vif = [ 'vifname=web1-emu' ]\n" } },
  ],
  invalid: [
    {
      files: { "etc/xen/a.cfg": "vif = [ 'vifname=web1' ]\n", "etc/xen/b.cfg": "vif = [ 'bridge=xenbr0,vifname=web1' ]\n" },
      errors: [
        { messageId: "duplicate", file: "etc/xen/a.cfg", line: 1, column: 18, endColumn: 22, message: "vifname 'web1' is also used by etc/xen/b.cfg:1; dom0 interface names are unique, so the second guest to start fails" },
        { messageId: "duplicate", file: "etc/xen/b.cfg", line: 1, column: 32 },
      ],
    },
    {
      name: "twice in one guest",
      code: "vif = [ 'vifname=web1', 'vifname=web1' ]\n",
      errors: [
        { messageId: "duplicate", column: 18, message: /used by line 1;/ },
        { messageId: "duplicate", column: 34 },
      ],
    },
    {
      name: "an HVM guest's -emu twin takes another guest's vifname",
      files: { "etc/xen/a.cfg": "builder = 'hvm'\nvif = [ 'vifname=mail' ]\n", "etc/xen/b.cfg": "vif = [ 'vifname=mail-emu' ]\n" },
      errors: [
        { messageId: "duplicate", file: "etc/xen/a.cfg", line: 2, message: /^vifname 'mail-emu' is also used by etc\/xen\/b\.cfg:1;/ },
        { messageId: "duplicate", file: "etc/xen/b.cfg", line: 1, message: /etc\/xen\/a\.cfg:2 \(its emulated twin mail-emu\)/ },
      ],
    },
  ],
});
