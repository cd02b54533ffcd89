import rule from "../../../src/lint/rules/directive-unknown.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const sxp = (text: string) => ({ files: { [XEND]: text } });

ruleTester(rule, {
  valid: [
    { name: "with xl nothing reads the file", xen: "xl", ...sxp("(frobnicate 1)\n") },
    sxp("(logfile /var/log/xen/xend.log)\n(xend-relocation-hosts-allow '^localhost$')\n(network-script network-bridge)\n"),
    { name: "directives of later xends", ...sxp("(xend-domain-lock yes)\n(enable-dom0-ballooning no)\n(total_available_memory 0)\n(xen-api-server ((unix)))\n") },
    {
      name: "xend-pci-quirks.sxp named on the command line is not xend-config",
      files: { "xend-pci-quirks.sxp": "(tg3\n  (pci_ids ('0x14e4:0x1644'))\n  (pci_config_space_fields ('00000050:1:00000000')))\n" },
    },
    {
      name: "another .sxp file whose heads are all unknown is not xend-config either",
      files: { "quirks.sxp": "(e1000 (pci_ids ('0x8086:0x100e')))\n" },
    },
  ],
  invalid: [
    {
      ...sxp("(xend-relocation-server yes)\n(xend-relocation-host-allow '^localhost$')\n"),
      errors: [
        {
          messageId: "unknown",
          file: XEND,
          line: 2,
          column: 2,
          endColumn: 28,
          message: "no xend (Xen 3.0 to 4.4) reads 'xend-relocation-host-allow', so this line has no effect (did you mean 'xend-relocation-hosts-allow'?)",
        },
      ],
    },
    {
      name: "a Xen 2.0 directive 3.0 dropped; a name with no close match",
      ...sxp("(vif-antispoof yes)\n(frobnicate 1)\n"),
      errors: [
        { messageId: "unknown", file: XEND, line: 1, column: 2, message: /'vif-antispoof'/ },
        { messageId: "unknown", file: XEND, line: 2, column: 2, message: "no xend (Xen 3.0 to 4.4) reads 'frobnicate', so this line has no effect" },
      ],
    },
    {
      name: "a .sxp file with known directives is xend-config, whatever its name",
      files: { "host.sxp": "(network-script network-bridge)\n(dom0-min-memory 256)\n" },
      errors: [{ messageId: "unknown", file: "host.sxp", line: 2, column: 2, message: /did you mean 'dom0-min-mem'/ }],
    },
  ],
});
