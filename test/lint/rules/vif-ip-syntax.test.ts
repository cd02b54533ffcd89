import rule from "../../../src/lint/rules/vif-ip-syntax.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'ip=10.0.0.2' ]\n",
    // libvirt's test-vif-multi-ip: several addresses, IPv6 among them.
    "vif = [ 'mac=00:16:3e:66:92:9c,bridge=xenbr1,ip=10.0.0.1 10.1.1.1 2000::1,script=vif-bridge' ]\n",
    "vif = [ 'ip=192.168.1.0/24 fe80::1/64' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'ip=10.0.0.256' ]\n", errors: [{ messageId: "invalid", line: 1, column: 13, endColumn: 23, message: "'10.0.0.256' in ip= is not an IPv4 or IPv6 address (optionally with /prefix); separate several addresses with spaces" }] },
    { name: "the bad word is pointed at", code: "vif = [ 'ip=10.0.0.1 10.0.0.2/33' ]\n", errors: [{ messageId: "invalid", column: 22, endColumn: 33 }] },
    { code: "vif = [ 'ip=10.0.0.1;10.0.0.2' ]\n", errors: [{ messageId: "invalid" }] },
    { code: "vif = [ 'ip=' ]\n", errors: [{ messageId: "empty" }] },
    { code: "vif = [ 'ip=www.example.com' ]\n", errors: [{ messageId: "invalid" }] },
  ],
});
