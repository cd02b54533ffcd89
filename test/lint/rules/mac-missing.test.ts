import rule from "../../../src/lint/rules/mac-missing.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0' ]\n",
    "name = 'nonet'\nmemory = 512\n",
    "vif = []\n",
    // One interface's keys split over two entries: vif-split-spec's finding, and a MAC on each entry
    // would make the split for good.
    "vif = [ 'mac=00:16:3e:07:d2:0e', 'bridge=xenbr1' ]\n",
  ],
  invalid: [
    { code: "vif = [ '' ]\n", errors: [{ messageId: "missing", line: 1, column: 9, endColumn: 11, severity: "info", message: /xencfg fix --assign-macs --write etc\/xen\/guest\.cfg/ }] },
    {
      code: "vif = [ 'mac=00:16:3e:07:d2:0e', 'bridge=xenbr1, type=ioemu' ]\n",
      errors: [{ messageId: "missing", line: 1, column: 34, message: /^interface 1 has no mac=/ }],
    },
  ],
});
