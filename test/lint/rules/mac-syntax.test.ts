import rule from "../../../src/lint/rules/mac-syntax.js";
import { ruleTester } from "../rule-tester.js";

// `vif = [ '` is 9 characters: a spec starts at column 10 and `mac=`'s value at column 14.
ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0' ]\n",
    "vif = [ 'mac=00:16:3E:07:D2:0E' ]\n",
    "vif = [ 'bridge=xenbr0' ]\n",
  ],
  invalid: [
    {
      code: "vif = [ 'mac=00:16:3e:07:d2' ]\n",
      errors: [{ messageId: "invalid", line: 1, column: 14, endColumn: 28 }],
    },
    {
      name: "octets without leading zeros: xl reads them, the message shows how",
      code: "vif = [ 'mac=0:16:3e:7:d2:e' ]\n",
      errors: [{ messageId: "loose", line: 1, column: 14, message: /xl would read it as 00:16:3e:07:d2:0e/ }],
    },
    {
      code: "vif = [ 'mac=00-16-3e-07-d2-0e' ]\n",
      errors: [{ messageId: "loose", column: 14 }],
    },
    {
      name: "a mixed separator and a zero-padded octet: xl reads each octet's digits and skips one character",
      code: "vif = [ 'mac=00:16-3e:07:d2:0e', 'mac=00:016:3e:07:d2:0f' ]\n",
      errors: [
        { messageId: "loose", column: 14, message: /^'00:16-3e:07:d2:0e' is not written as .*; xl would read it as 00:16:3e:07:d2:0e / },
        { messageId: "loose", column: 39, message: /xl would read it as 00:16:3e:07:d2:0f / },
      ],
    },
    {
      code: "vif = [ 'bridge=xenbr0,mac=' ]\n",
      errors: [{ messageId: "empty", line: 1 }],
    },
    {
      code: "vif = [ 'mac=00:16:3g:07:d2:0e' ]\n",
      errors: [{ messageId: "invalid", message: "'00:16:3g:07:d2:0e' is not a MAC address: write six two-digit hex octets separated by ':', such as 00:16:3e:1a:2b:3c" }],
    },
  ],
});
