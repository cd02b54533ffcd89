import rule from "../../../src/lint/rules/vifname-invalid.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'vifname=web1-eth0' ]\n",
    "vif = [ 'vifname=vm_web.0' ]\n",
    // Too long is vifname-too-long's finding, not this rule's.
    "vif = [ 'vifname=web1/frontend0123' ]\n",
    // Linux takes any byte but '/', ':' and whitespace, and no script evaluates a vifname: the hotplug
    // scripts only expand it (unquoted in add_to_bridge), which splits and globs but runs nothing.
    "vif = [ 'vifname=web=1' ]\n",
    'vif = [ "vifname=web#1" ]\r\n',
    "vif = [ 'vifname=wéb1' ]\n",
    "vif = [ 'vifname=$(reboot)' ]\n",
  ],
  invalid: [
    { code: "vif = [ 'vifname=web1/eth0' ]\n", errors: [{ messageId: "invalid", line: 1, column: 18, endColumn: 27, message: /^vifname 'web1\/eth0' is not an interface name: Linux refuses '\/'/ }] },
    { code: "vif = [ 'vifname=web1:0' ]\n", errors: [{ messageId: "invalid", message: /contains ":"/ }] },
    { code: "vif = [ 'vifname=web 1' ]\n", errors: [{ messageId: "invalid", message: /whitespace/ }] },
    { code: "vif = [ 'vifname=' ]\n", errors: [{ messageId: "invalid", message: "vifname '' is empty; remove vifname= (Xen then names the interface vifDOMID.DEVID) or give a name" }] },
    { code: "vif = [ 'vifname=vm*' ]\n", errors: [{ messageId: "invalid", message: /^vifname 'vm\*' contains "\*": the hotplug scripts expand the name unquoted \(brctl addif \$\{bridge\} \$\{dev\}\), where the shell reads it as a file pattern/ }] },
    { code: "vif = [ 'vifname=-web1' ]\n", errors: [{ messageId: "invalid", message: /starts with '-'/ }] },
    { code: "vif = [ 'vifname=..' ]\n", errors: [{ messageId: "invalid", message: /'\.' and '\.\.'/ }] },
  ],
});
