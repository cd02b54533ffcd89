import rule from "../../../src/lint/rules/name-duplicate.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { files: { "etc/xen/a.cfg": "name = 'web1'\n", "etc/xen/b.cfg": "name = 'web2'\n" } },
    // Guests without a plain name (computed by Python) cannot be compared.
    { files: { "etc/xen/a.cfg": "vmid = 1\nname = 'vm%d' % vmid\n", "etc/xen/b.cfg": "vmid = 1\nname = 'vm%d' % vmid\n" } },
    "name = 'web1'\n",
  ],
  invalid: [
    {
      name: "a copied guest file that kept its name",
      files: { "etc/xen/web1.cfg": "name = 'web1'\n", "etc/xen/auto/web2.cfg": "# copy of web1\nname = \"web1\"\n" },
      errors: [
        { messageId: "duplicate", file: "etc/xen/auto/web2.cfg", line: 2, column: 8, endColumn: 14, message: "another guest is also named 'web1' (etc/xen/web1.cfg:1); the second one to start is refused because the name is in use" },
        { messageId: "duplicate", file: "etc/xen/web1.cfg", line: 1, column: 8, message: /\(etc\/xen\/auto\/web2\.cfg:2\)/ },
      ],
    },
    {
      name: "the last name = counts",
      files: { "etc/xen/a.cfg": "name = 'old'\nname = 'web1'\n", "etc/xen/b.cfg": "name = 'web1'\n" },
      errors: [
        { messageId: "duplicate", file: "etc/xen/a.cfg", line: 2 },
        { messageId: "duplicate", file: "etc/xen/b.cfg", line: 1, message: /\(etc\/xen\/a\.cfg:2\)/ },
      ],
    },
  ],
});
