import rule from "../../../src/lint/rules/mac-case.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e' ]\n",
    "vif = [ 'bridge=XENBR0' ]\n",
    // Not a MAC at all: mac-syntax reports it; lower-casing would not make it one.
    "vif = [ 'mac=ZZ:16:3E' ]\n",
  ],
  invalid: [
    {
      code: "# web1\nvif = [ 'mac=00:16:3E:07:D2:0E, bridge=xenbr0' ]  # front\n",
      errors: [{ messageId: "upper", line: 2, column: 14, endColumn: 31, message: "write the MAC in lower case: 00:16:3e:07:d2:0e" }],
      output: "# web1\nvif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0' ]  # front\n",
    },
    {
      name: "two interfaces, CRLF line ends kept",
      code: "vif = [ \"mac=00:16:3E:00:00:0A\",\r\n        \"mac=00:16:3E:00:00:0B\" ]\r\n",
      errors: [
        { messageId: "upper", line: 1, column: 14 },
        { messageId: "upper", line: 2, column: 14 },
      ],
      output: "vif = [ \"mac=00:16:3e:00:00:0a\",\r\n        \"mac=00:16:3e:00:00:0b\" ]\r\n",
    },
  ],
});
