import rule from "../../../src/lint/rules/mac-duplicate.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    "vif = [ 'mac=00:16:3e:07:d2:0e', 'mac=00:16:3e:07:d2:0f' ]\n",
    {
      name: "different MACs in different guests",
      files: { "etc/xen/a.cfg": "vif = [ 'mac=00:16:3e:00:00:01' ]\n", "etc/xen/b.cfg": "vif = [ 'mac=00:16:3e:00:00:02' ]\n" },
    },
    {
      name: "an unparsable MAC is mac-syntax's, not a duplicate",
      files: { "etc/xen/a.cfg": "vif = [ 'mac=zz' ]\n", "etc/xen/b.cfg": "vif = [ 'mac=zz' ]\n" },
    },
  ],
  invalid: [
    {
      name: "spellings xl reads as one address: a mixed separator, a zero-padded octet, a seventh octet",
      files: {
        "etc/xen/a.cfg": "name = 'a'\nvif = [ 'mac=00:16:3e:00:00:09' ]\n",
        "etc/xen/b.cfg": 'name = "b"\r\nvif = [ "mac=00:16-3e:00:00:09" ]\r\n',
        "etc/xen/c.cfg": "name = 'c'\nvif = []\nvif += [ 'bridge=xenbr0,mac=00:016:3e:00:00:09' ]\n",
        "etc/xen/d.cfg": "name = 'd'\nvif = [ 'mac=00:16:3e:00:00:09:ff' ]\n",
      },
      errors: [
        { messageId: "duplicate", file: "etc/xen/a.cfg", line: 2, column: 14, message: "MAC 00:16:3e:00:00:09 is also used by etc/xen/b.cfg:2 (vif 0), etc/xen/c.cfg:3 (vif 0) and etc/xen/d.cfg:2 (vif 0): two interfaces with one address lose each other's traffic" },
        { messageId: "duplicate", file: "etc/xen/b.cfg", line: 2, column: 14 },
        { messageId: "duplicate", file: "etc/xen/c.cfg", line: 3, column: 29 },
        { messageId: "duplicate", file: "etc/xen/d.cfg", line: 2, column: 14 },
      ],
    },
    {
      name: "across files and trees, in any spelling: every use is reported and names the others",
      files: {
        "etc/xen/a.cfg": "name = 'a'\nvif = [ 'mac=00:16:3e:00:00:01' ]\n",
        "etc/xen/auto/b.cfg": "name = 'b'\nvif = [ 'bridge=xenbr0', 'mac=00:16:3E:00:00:01' ]\n",
        "other/c.cfg": "vif = [ 'mac=0:16:3e:0:0:1' ]\n",
      },
      paths: ["etc/xen", "other/c.cfg"],
      errors: [
        { messageId: "duplicate", file: "etc/xen/a.cfg", line: 2, column: 14, message: "MAC 00:16:3e:00:00:01 is also used by etc/xen/auto/b.cfg:2 (vif 1) and other/c.cfg:1 (vif 0): two interfaces with one address lose each other's traffic" },
        { messageId: "duplicate", file: "etc/xen/auto/b.cfg", line: 2, column: 31, message: /etc\/xen\/a\.cfg:2 \(vif 0\) and other\/c\.cfg:1/ },
        { messageId: "duplicate", file: "other/c.cfg", line: 1, column: 14 },
      ],
    },
    {
      name: "a template copied to many guests: each finding names three others and counts the rest",
      files: Object.fromEntries(
        ["a", "b", "c", "d", "e", "f"].map((g) => [`etc/xen/${g}.cfg`, `name = '${g}'\nvif = [ 'mac=00:16:3e:00:00:07' ]\n`]),
      ),
      errors: [
        { messageId: "duplicate", file: "etc/xen/a.cfg", message: "MAC 00:16:3e:00:00:07 is also used by etc/xen/b.cfg:2 (vif 0), etc/xen/c.cfg:2 (vif 0), etc/xen/d.cfg:2 (vif 0) and 2 more: two interfaces with one address lose each other's traffic" },
        { messageId: "duplicate", file: "etc/xen/b.cfg", message: /by etc\/xen\/a\.cfg:2 \(vif 0\), etc\/xen\/c\.cfg:2 \(vif 0\), etc\/xen\/d\.cfg:2 \(vif 0\) and 2 more:/ },
        { messageId: "duplicate", file: "etc/xen/c.cfg" },
        { messageId: "duplicate", file: "etc/xen/d.cfg" },
        { messageId: "duplicate", file: "etc/xen/e.cfg" },
        { messageId: "duplicate", file: "etc/xen/f.cfg", message: /by etc\/xen\/a\.cfg:2 \(vif 0\), etc\/xen\/b\.cfg:2 \(vif 0\), etc\/xen\/c\.cfg:2 \(vif 0\) and 2 more:/ },
      ],
    },
    {
      name: "five uses: all four others are named rather than 'and 1 more'",
      files: Object.fromEntries(
        ["a", "b", "c", "d", "e"].map((g) => [`etc/xen/${g}.cfg`, `vif = [ 'mac=00:16:3e:00:00:08' ]\n`]),
      ),
      errors: [
        { messageId: "duplicate", file: "etc/xen/a.cfg", message: /by etc\/xen\/b\.cfg:1 \(vif 0\), etc\/xen\/c\.cfg:1 \(vif 0\), etc\/xen\/d\.cfg:1 \(vif 0\) and etc\/xen\/e\.cfg:1 \(vif 0\):/ },
        { messageId: "duplicate", file: "etc/xen/b.cfg" },
        { messageId: "duplicate", file: "etc/xen/c.cfg" },
        { messageId: "duplicate", file: "etc/xen/d.cfg" },
        { messageId: "duplicate", file: "etc/xen/e.cfg" },
      ],
    },
    {
      name: "twice in one guest",
      code: "vif = [ 'mac=00:16:3e:00:00:01,bridge=xenbr0',\n        'mac=00:16:3e:00:00:01,bridge=xenbr1' ]\n",
      errors: [
        { messageId: "duplicate", line: 1, column: 14, message: /used by line 2 \(vif 1\)/ },
        { messageId: "duplicate", line: 2, column: 14, message: /used by line 1 \(vif 0\)/ },
      ],
    },
  ],
});
