import rule from "../../../src/lint/rules/vif-split-spec.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'bridge=xenbr1, mac=00:16:3e:07:d2:0e' ]\n",
    // Two real interfaces, each on its own bridge.
    "vif = [ 'bridge=xenbr0', 'bridge=xenbr1' ]\n",
    "vif = [ 'mac=00:16:3e:00:00:01', 'mac=00:16:3e:00:00:02' ]\n",
    "vif = [ 'bridge=xenbr0', 'bridge=xenbr1,mac=00:16:3e:00:00:02' ]\n",
    "vif = [ 'bridge=xenbr1' ]\n",
    "vif = [ '', 'bridge=xenbr1' ]\n",
  ],
  invalid: [
    {
      name: "the seed article's list: the fix merges it only with --fix-type split-spec",
      code: "vif=[ 'bridge=xenbr1', 'mac=00:16:3e:07:d2:0e', ]\n",
      errors: [
        {
          messageId: "split",
          line: 1,
          column: 7,
          endColumn: 47,
          message: "these 2 vif entries each set one key, which makes 2 interfaces; if one interface was meant, write [ 'bridge=xenbr1, mac=00:16:3e:07:d2:0e' ]",
        },
      ],
      fixTypes: ["split-spec"],
      output: "vif=[ 'bridge=xenbr1, mac=00:16:3e:07:d2:0e', ]\n",
    },
    {
      name: "not merged by a plain --fix",
      code: "vif = [ \"bridge=xenbr1\", \"mac=00:16:3e:07:d2:0e\" ]\n",
      errors: [{ messageId: "split", column: 9 }],
      output: "vif = [ \"bridge=xenbr1\", \"mac=00:16:3e:07:d2:0e\" ]\n",
    },
    {
      name: "double quotes kept, a bare flag merged as written",
      code: "vif = [ \"bridge=xenbr1\", \"trusted\" ]\n",
      errors: [{ messageId: "split", message: /write \[ "bridge=xenbr1, trusted" \]/ }],
      fixTypes: ["split-spec"],
      output: "vif = [ \"bridge=xenbr1, trusted\" ]\n",
    },
    {
      name: "a comment between the entries: reported, but never merged (the comment would be lost)",
      code: "vif = [\n  'bridge=xenbr1',  # back end\n  'mac=00:16:3e:07:d2:0e',\n]\n",
      errors: [{ messageId: "split", line: 2, column: 3, endLine: 3 }],
      fixTypes: ["split-spec"],
      output: "vif = [\n  'bridge=xenbr1',  # back end\n  'mac=00:16:3e:07:d2:0e',\n]\n",
    },
  ],
});
