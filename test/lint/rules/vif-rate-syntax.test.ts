import rule from "../../../src/lint/rules/vif-rate-syntax.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'rate=10Mb/s' ]\n",
    "vif = [ 'rate=1MB/s@20ms' ]\n",
    // libvirt's test-vif-rate.
    "vif = [ 'rate=10240KB/s' ]\n",
    "vif = [ 'rate=100b/s@1s' ]\n",
    "vif = [ 'rate=5GB/s@500us' ]\n",
    "vif = [ 'rate=5GB/s@50' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'rate=10Mbit/s' ]\n", errors: [{ messageId: "rate", line: 1, column: 15, endColumn: 23, message: /^rate '10Mbit\/s' is not xl's form/ }] },
    { code: "vif = [ 'rate=10mb/s' ]\n", errors: [{ messageId: "rate" }] },
    { code: "vif = [ 'rate=10Mb/s@20 ms' ]\n", errors: [{ messageId: "interval", message: /the interval '20 ms'/ }] },
    { code: "vif = [ 'rate=0Mb/s' ]\n", errors: [{ messageId: "zero", message: "the rate '0Mb/s' must be more than 0 and less than 2^32; xl refuses it" }] },
    { code: "vif = [ 'rate=10Mb/s@0ms' ]\n", errors: [{ messageId: "zero" }] },
    { code: "vif = [ 'rate=@20ms' ]\n", errors: [{ messageId: "empty" }] },
  ],
});
