import rule from "../../../src/lint/rules/vifname-too-long.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    // 15 bytes: the most a PV guest's vifname may have.
    "vif = [ 'vifname=web1-frontend01' ]\n",
    "builder = 'hvm'\nvif = [ 'vifname=mail-front1' ]\n",
    // An HVM NIC with type=vif has no -emu twin.
    "builder = 'hvm'\nvif = [ 'type=vif, vifname=mail-frontend1' ]\n",
  ],
  invalid: [
    {
      code: "vif = [ 'vifname=web1-frontend012' ]\n",
      errors: [{ messageId: "tooLong", line: 1, column: 18, endColumn: 34, message: "vifname 'web1-frontend012' is 16 bytes; Linux interface names hold at most 15, so the interface cannot be created" }],
    },
    {
      code: "builder = 'hvm'\nvif = [ 'vifname=mail-front12' ]\n",
      errors: [{ messageId: "tooLongHvm", line: 2, column: 18, message: "vifname 'mail-front12' is 12 bytes; this HVM guest's emulated NIC also gets a tap twin named 'mail-front12-emu' (xl) or 'tap-mail-front12' (xend), so the name may have at most 11" }],
    },
    { code: "type = 'hvm'\nvif = [ 'type=ioemu, vifname=mail-front12' ]\n", errors: [{ messageId: "tooLongHvm", line: 2 }] },
    { name: "bytes, not characters", code: "vif = [ 'vifname=wébfrontend0123' ]\n", errors: [{ messageId: "tooLong", message: /'wébfrontend0123' is 16 bytes/ }] },
  ],
});
