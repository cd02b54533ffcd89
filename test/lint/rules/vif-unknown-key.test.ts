import rule from "../../../src/lint/rules/vif-unknown-key.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0, vifname=web1, script=vif-bridge, ip=10.0.0.2, rate=10Mb/s' ]\n",
    "vif = [ 'type=ioemu, model=e1000, backend=0, mtu=9000, vlan=10, gatewaydev=eth0, trusted' ]\n",
    "vif = [ '' ]\n",
    // xm (Xen 3.x-4.4) took sHype labels: accepted unless --xen says xl.
    "vif = [ 'bridge=xenbr0, policy=ACM, label=dom_web' ]\n",
    { code: "vif = [ 'bridge=xenbr0, label=dom_web' ]\n", xen: "4.1" },
    // xl skips the spaces before a key (and strtoul those before a MAC's digits).
    "vif = [ ' mac=00:16:3e:07:d2:0e,  bridge=xenbr0' ]\n",
    // xm strips spaces around '=' (create.py comma_sep_kv_to_dict); Xen 3.x has no xl.
    { code: "vif = [ 'mac = 00:16:3e:07:d2:0e, bridge = xenbr1' ]\n", xen: "3.2" },
  ],
  invalid: [
    {
      name: "a space before '=': xl reads the key as 'bridge ' and skips it",
      code: "vif = [ 'mac=00:16:3e:07:d2:0e, bridge = xenbr1' ]\n",
      errors: [
        {
          messageId: "spacedKey",
          column: 33,
          endColumn: 39,
          message:
            "xl reads this key as 'bridge ' (with the space before '='), which it does not know (\"unrecognized argument\"), so it skips bridge= and starts the guest without it; only xm strips the spaces. Write 'bridge=xenbr1'",
        },
      ],
    },
    {
      name: "the article's spelling, double quotes, CRLF, vif +=",
      code: 'vif = []\r\nvif += [ "key1 = value1", "mac =00:16:3e:07:d2:0e" ]\r\n',
      xen: "4.1",
      errors: [
        { messageId: "unknown", line: 2, column: 11 },
        { messageId: "spacedKey", line: 2, column: 28, endColumn: 31, message: /^xl reads this key as 'mac ' .* Write 'mac=00:16:3e:07:d2:0e'$/ },
      ],
    },
    {
      code: "vif = [ 'mac=00:16:3e:07:d2:0e, brigde=xenbr1' ]\n",
      errors: [{ messageId: "unknown", line: 1, column: 33, endColumn: 39, message: "'brigde' is not a vif key: xl skips it (\"unrecognized argument\") and starts the guest without it, and xm refuses the guest (\"Invalid vif option\"); did you mean 'bridge'?" }],
    },
    { code: "vif = [ 'MAC=00:16:3e:07:d2:0e' ]\n", errors: [{ messageId: "unknown", column: 10, message: /did you mean 'mac'\?$/ }] },
    { code: "vif = [ 'bandwidth=10Mb/s' ]\n", errors: [{ messageId: "unknown", message: /^'bandwidth' is not a vif key: xl skips it .*; remove it \(xl-network-configuration\(5\) lists the keys\)$/ }] },
    { code: "vif = [ 'bridge=xenbr0, label=dom_web' ]\n", xen: "xl", errors: [{ messageId: "xmOnly", column: 25, message: "'label' is a vif key only xm knew (sHype security labels, Xen 3.x to 4.4); xl skips it (\"unrecognized argument\"), so the interface gets no label. Remove it" }] },
    { code: "vif = [ 'bridge=xenbr0,=xenbr1' ]\n", errors: [{ messageId: "emptyKey", column: 24, message: "this vif entry has no key before '=': xl skips it (\"unrecognized argument\") and xm refuses the guest; add the key or remove the entry" }] },
    {
      // xl splits the spec at commas: the second address of ip= becomes a key of its own. Removing it, as
      // for a misspelt key, would lose the address; it belongs in ip=, after a space.
      name: "a second address after ip=, separated by a comma",
      code: "vif = [ 'mac=00:16:3e:00:00:15,ip=10.0.0.1,10.0.0.2' ]\n",
      errors: [
        {
          messageId: "ipAddress",
          column: 44,
          endColumn: 52,
          message:
            "'10.0.0.2' is not a vif key but an address for the ip= before it: xl splits the spec at commas and skips it (\"unrecognized argument\"), so ip= lacks the address, and xm refuses the guest (\"Invalid vif option\"); several addresses go in one ip=, separated by spaces: write 'ip=10.0.0.1 10.0.0.2'",
        },
      ],
    },
    {
      name: "IPv6 and /prefix addresses after ip=, each told the whole ip=",
      code: "vif = [ 'ip=10.0.0.1/24, 2001:db8::1, bridge=xenbr0, 10.0.0.3' ]\n",
      errors: [
        { messageId: "ipAddress", column: 26, message: /^'2001:db8::1' is not a vif key but an address for the ip= before it: .* write 'ip=10\.0\.0\.1\/24 2001:db8::1 10\.0\.0\.3'$/ },
        { messageId: "ipAddress", column: 54, message: /^'10\.0\.0\.3' is not a vif key but an address .* write 'ip=10\.0\.0\.1\/24 2001:db8::1 10\.0\.0\.3'$/ },
      ],
    },
    {
      name: "an address with no ip= before it, and a word after ip= that is no address, stay unknown keys",
      code: "vif = [ '10.0.0.2, ip=10.0.0.1, 10.0.0.256, fe80::1/129' ]\n",
      errors: [
        { messageId: "unknown", column: 10, message: /^'10\.0\.0\.2' is not a vif key: .* remove it/ },
        { messageId: "unknown", column: 33 },
        { messageId: "unknown", column: 45 },
      ],
    },
  ],
});
