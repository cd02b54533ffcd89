import rule from "../../../src/lint/rules/directive-type.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    { name: "with xl nothing reads the file", xen: "xl", ...sxp("(xend-port http)\n") },
    sxp("(xend-http-server no)\n(xend-unix-server YES)\n(xend-relocation-server on)\n(enable-dump 0)\n(xend-tcp-xmlrpc-server True)\n"),
    { name: "int() takes a sign and a quoted number", ...sxp("(xend-port '8000')\n(dom0-min-mem +196)\n(dom0-cpus 0)\n") },
    sxp("(xen-api-server ((9363 pam '^localhost$ example\\\\.com$') (unix none)))\n"),
    { name: "strings are not checked", ...sxp("(vnc-tls 1)\n(xend-address '')\n(loglevel DEBUG)\n") },
    { name: "only the first of a name is read", ...sxp("(xend-port 8000)\n(xend-port http)\n") },
    { name: "no value: xend takes the default", ...sxp("(xend-port)\n") },
  ],
  invalid: [
    {
      ...sxp("(xend-relocation-server enabled)\n(xend-relocation-port 8002/tcp)\n(xen-api-server unix)\n"),
      errors: [
        {
          messageId: "bool",
          file: XEND,
          line: 1,
          column: 25,
          endColumn: 32,
          message: "'xend-relocation-server' takes yes or no; xend stops with \"invalid xend config xend-relocation-server: expected bool: enabled\"",
        },
        { messageId: "int", file: XEND, line: 2, column: 23, endColumn: 31, message: /takes a whole number.*expected int: 8002\/tcp/ },
        { messageId: "list", file: XEND, line: 3, column: 17, message: /takes a list of listeners/ },
      ],
    },
    {
      name: "a quoted non-number, a list where yes/no belongs",
      ...sxp("(dom0-min-mem '196M')\n(enable-dump (no))\n"),
      errors: [
        { messageId: "int", file: XEND, line: 1, column: 15 },
        { messageId: "bool", file: XEND, line: 2, column: 14 },
      ],
    },
  ],
});
