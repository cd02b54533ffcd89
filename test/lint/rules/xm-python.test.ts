import rule from "../../../src/lint/rules/xm-python.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  // A keyword assigned to is no Python statement but a setting xl reads (found by the round-trip property).
  valid: ["name = 'vm1'\nmemory = 512\n", "# import os\nname = 'vm1'\n", "if = []\nprint += [ 'a' ]\n"],
  invalid: [
    {
      code: "import os\nvmid = 1\nname = \"VM%d\" % vmid\n",
      errors: [
        { messageId: "python", line: 1, column: 1, message: /this is a Python statement/ },
        { messageId: "python", line: 3, column: 1, message: /the value of 'name' is computed by Python/ },
      ],
    },
    {
      name: "with --xen xl an error: xl refuses the whole file (an unquoted path lexes as Python too)",
      xen: "xl",
      code: "name = 'vm1'\nkernel = /boot/vmlinuz-2.6-xen\n",
      errors: [{ messageId: "python", line: 2, column: 1, severity: "error", message: /the value of 'kernel' is computed by Python/ }],
    },
    {
      name: "xl.conf is read by xl alone",
      files: { "etc/xen/xl.conf": "lockfile = /var/lock/xl\n" },
      errors: [{ messageId: "python", file: "etc/xen/xl.conf", line: 1, column: 1, severity: "error" }],
    },
    {
      name: "on an xend-era host a warning: xm may run it",
      xen: "4.1",
      code: "import os\n",
      errors: [{ messageId: "python", line: 1, column: 1, severity: "warning" }],
    },
  ],
});
