import rule from "../../../src/lint/rules/vif-duplicate-key.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'bridge=xenbr0, mac=00:16:3e:07:d2:0e' ]\n",
    "vif = [ 'bridge=xenbr0', 'bridge=xenbr1' ]\n",
  ],
  invalid: [
    {
      code: "vif = [ 'bridge=xenbr0, mac=00:16:3e:07:d2:0e, bridge=xenbr1' ]\n",
      errors: [{ messageId: "duplicate", line: 1, column: 10, endColumn: 23, message: "'bridge' is set again later in this vif and xl uses the last one (bridge=xenbr1); remove one" }],
    },
    {
      code: "vif = [ 'ip=10.0.0.1,ip=10.0.0.2,ip=10.0.0.3' ]\n",
      errors: [
        { messageId: "duplicate", column: 10 },
        { messageId: "duplicate", column: 22 },
      ],
    },
  ],
});
