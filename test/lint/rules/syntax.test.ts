import syntax from "../../../src/lint/rules/syntax.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(syntax, {
  valid: [
    "name = 'web1'\nvif = [ 'mac=00:16:3e:07:d2:0e, bridge=xenbr0' ]\n",
    // A curly quote inside a properly quoted string is text, not a quote.
    "name = \"it\u2019s fine\"\n",
    { files: { "etc/xen/xend-config.sxp": "(network-script 'network-bridge netdev=eth1')\n(vif-script vif-bridge)\n" } },
  ],
  invalid: [
    {
      name: "curly quotes pasted from a web page are fixed",
      code: "name = \u201cguest2\u201d\nvif = [ \u2018mac=00:16:3e:02:00:42, bridge=xenbr0\u2019 ]\n",
      errors: [
        { messageId: "syntax", line: 1, column: 8, endLine: 1, endColumn: 16, message: /curly quote/ },
        { messageId: "syntax", line: 2, column: 9, message: /curly quote/ },
      ],
      output: "name = \"guest2\"\nvif = [ 'mac=00:16:3e:02:00:42, bridge=xenbr0' ]\n",
    },
    {
      name: "curly quotes around text holding the ASCII quote use the other one",
      code: "name = \u2018it's\u2019\n",
      errors: [{ messageId: "syntax", line: 1, column: 8 }],
      output: "name = \"it's\"\n",
    },
    {
      name: "xend config with curly quotes",
      files: { "etc/xen/xend-config.sxp": "(network-script \u2018network-bridge netdev=eth1\u2019)\n" },
      errors: [{ messageId: "syntax", line: 1, column: 17, message: /curly quote/ }],
      output: { "etc/xen/xend-config.sxp": "(network-script 'network-bridge netdev=eth1')\n" },
    },
    {
      name: "a setting name xl cannot read: upper case, or '_' first",
      code: "name = 'd'\nVIF = [ 'mac=00:16:3e:01:02:03' ]\n_x = 1\nvif.default.Bridge = 'b'\n",
      errors: [
        { messageId: "syntax", line: 2, column: 1, endColumn: 4, message: "'VIF' is not a setting name xl reads (lower-case letters, digits, '.' and '_', starting with a letter): xl refuses the file, and xm ignores the setting; write 'vif'" },
        { messageId: "syntax", line: 3, column: 1, endColumn: 3, message: /^'_x' is not a setting name xl reads .*ignores the setting$/ },
        { messageId: "syntax", line: 4, column: 1, message: /write 'vif\.default\.bridge'$/ },
      ],
    },
    {
      // xm files are Python, where True/False are booleans; xl reads booleans as numbers and calls a
      // string there "not a valid number", so quoting the word (the hint for other bare words) is wrong.
      name: "Python's True and False: write 1 and 0; other bare words: quote them",
      code: "pae = True\nacpi = False\nkernel = vmlinuz\nflags = [ True ]\nx = constructor\n",
      errors: [
        { messageId: "syntax", line: 1, column: 7, endColumn: 11, message: "expected a number, found True (Python's boolean, which only xm reads; xl reads booleans as numbers: write 1)" },
        { messageId: "syntax", line: 2, column: 8, message: "expected a number, found False (Python's boolean, which only xm reads; xl reads booleans as numbers: write 0)" },
        { messageId: "syntax", line: 3, column: 10, message: "expected a quoted string, found vmlinuz (write 'vmlinuz')" },
        { messageId: "syntax", line: 4, column: 11, message: /^expected a number, found True .*: write 1\)$/ },
        { messageId: "syntax", line: 5, column: 5, message: "expected a quoted string, found constructor (write 'constructor')" },
      ],
    },
    {
      // The comma before the next quoted entry separates list items; writing it into the entry would
      // leave 'bridge=xenbr1,' 'bridge=xenbr2' with no comma between them.
      name: "an unquoted entry between quoted ones: the hint stops before the separating comma",
      code: "vif = [ 'bridge=xenbr0', bridge=xenbr1, 'bridge=xenbr2' ]\n",
      errors: [{ messageId: "syntax", line: 1, column: 26, message: "expected a quoted vif entry, found bridge=xenbr1 (write 'bridge=xenbr1')" }],
    },
    {
      // libxlu_cfg.c xlu__cfgl_dequote: "invalid character after backlash in quoted string", EINVAL.
      name: "a backslash before a character xl does not escape: xl refuses the file",
      code: "name = 'web\\.1'\nextra = \"a\\\\b\\n\\tc\"\n",
      errors: [
        {
          messageId: "syntax",
          line: 1,
          column: 12,
          message: "'\\' before '.' is not an escape xl reads (it knows \\' \\\" \\\\ \\a \\b \\f \\n \\r \\t \\v and numeric \\x and \\0-\\7 escapes), so xl refuses the file; write \\\\ for a backslash",
        },
      ],
    },
    {
      name: "an unquoted vif entry has no automatic fix",
      code: "vif = [mac=00:16:3E:02:00:41,bridge=xenbr0' ]\n",
      errors: [{ messageId: "syntax", line: 1, column: 8, message: /opening quote is missing/ }],
      output: "vif = [mac=00:16:3E:02:00:41,bridge=xenbr0' ]\n",
    },
    {
      name: "an unclosed paren in xend-config.sxp",
      files: { "etc/xen/xend-config.sxp": "(logfile /var/log/xen/xend.log))\n(network-script 'network-bridge netdev=eth1'\n(vif-script vif-bridge)\n" },
      errors: [
        { messageId: "syntax", line: 1, column: 32, message: /no matching '\('/ },
        { messageId: "syntax", line: 2, column: 1, message: /never closed/ },
      ],
    },
    {
      name: "a misplaced ')' that xend reads, but not as meant: a warning",
      files: { "etc/xen/xend-config.sxp": "(logfile /var/log/xen/xend.log)\n(network-script 'network-bridge netdev=eth1'\n(vif-script vif-bridge))\n" },
      errors: [{ messageId: "syntax", line: 3, column: 1, severity: "warning", message: /inside another directive/ }],
    },
  ],
});
