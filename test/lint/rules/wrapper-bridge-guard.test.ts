import { readFileSync } from "node:fs";
import rule from "../../../src/lint/rules/wrapper-bridge-guard.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const WRAPPER = "etc/xen/scripts/network-wrapper";
const twice = '#!/bin/sh\ndir=$(dirname "$0")\n"$dir/network-bridge" "$@" netdev=eth0 bridge=xenbr0\n"$dir/network-bridge" "$@" netdev=eth1 bridge=xenbr1\n';
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/wrapper/${name}/output.sh`, import.meta.url), "utf8");

ruleTester(rule, {
  valid: [
    { name: "before Xen 4.1 the recipe works", xen: "4.0", files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: twice } },
    { name: "with xl nothing runs it", xen: "xl", files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: twice } },
    { name: "one call", files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: '#!/bin/sh\n"$(dirname "$0")/network-bridge" "$@" netdev=eth0\n' } },
    { name: "xencfg's iproute2 form", files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: fixture("iproute2-two") } },
    {
      name: "stop calls do not count",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: '#!/bin/sh\ncase "$1" in\nstart) /etc/xen/scripts/network-bridge start netdev=eth0 ;;\nstop) /etc/xen/scripts/network-bridge stop netdev=eth0 ;;\nesac\n' },
    },
    { name: "plain network-bridge", files: { [XEND]: "(network-script 'network-bridge netdev=eth0')\n" } },
    {
      name: "Xen 3.0: one vifnum per call",
      xen: "3.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\n/etc/xen/scripts/network-bridge $1 vifnum=0 netdev=eth0\n/etc/xen/scripts/network-bridge $1 vifnum=1 netdev=eth1\n" },
    },
    { name: "Xen 3.0: xencfg's network-bridge form", xen: "3.0", files: { [XEND]: "(network-script network-bridge-wrapper)\n", "etc/xen/scripts/network-bridge-wrapper": fixture("network-bridge-two") } },
  ],
  invalid: [
    {
      name: "the article's wrapper on Xen 3.0: both calls take vifnum 0",
      xen: "3.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\n/etc/xen/scripts/network-bridge $1 netdev=eth0 bridge=xenbr0\n/etc/xen/scripts/network-bridge $1 netdev=eth1 bridge=xenbr1\n" },
      errors: [
        {
          messageId: "sharedVifnum",
          file: XEND,
          line: 1,
          column: 17,
          message:
            "scripts/network-wrapper calls network-bridge 2 times with vifnum=0 (line 2 and line 3); on Xen 3.0 network-bridge moves the NIC's address onto the veth0/vif0.0 pair of that vifnum, which the first call has already used, so a later call fails ('Link veth0 is missing') and its NIC is not bridged. Give each call its own vifnum= (vifnum=0, vifnum=1, ...)",
        },
      ],
    },
    {
      name: "without --xen the same wrapper fails on Xen 3.0 and 3.1 too",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\n/etc/xen/scripts/network-bridge $1 vifnum=1 netdev=eth0\n/etc/xen/scripts/network-bridge $1 vifnum=1 netdev=eth1\n" },
      errors: [
        { messageId: "repeated", file: XEND, line: 1, column: 17 },
        { messageId: "sharedVifnum", file: XEND, line: 1, column: 17, message: /^scripts\/network-wrapper calls network-bridge 2 times with vifnum=1 \(line 2 and line 3\); on Xen 3\.0 and 3\.1 network-bridge moves .* veth1\/vif0\.1 pair/ },
      ],
    },
    {
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: twice },
      errors: [
        {
          messageId: "repeated",
          file: XEND,
          line: 1,
          column: 17,
          endColumn: 32,
          message:
            "scripts/network-wrapper calls network-bridge 2 times (line 3 and line 4); on Xen 4.1 and later network-bridge returns at once when any bridge exists, so only the first call builds a bridge. Build the bridges with ip(8) instead (xencfg's iproute2 wrapper form)",
        },
        // Without vifnum= both calls take vifnum 0, which Xen 3.0 and 3.1 cannot do either.
        { messageId: "sharedVifnum", file: XEND, line: 1, column: 17, message: /^scripts\/network-wrapper calls network-bridge 2 times with vifnum=0 \(line 3 and line 4\); on Xen 3\.0 and 3\.1 / },
      ],
    },
    {
      name: "xencfg's network-bridge form (meant for Xen 3.0 to 4.0) with --xen 4.2",
      xen: "4.2",
      files: { [XEND]: "(network-script network-bridge-wrapper)\n", "etc/xen/scripts/network-bridge-wrapper": fixture("network-bridge-two") },
      errors: [{ messageId: "repeated", file: XEND, line: 1, column: 17, message: /^scripts\/network-bridge-wrapper calls network-bridge 2 times \(line 23 and line 24\); on Xen 4\.2 network-bridge/ }],
    },
    {
      // network-bridge: vifnum=${vifnum:-0}, so an empty vifnum= is 0 too.
      name: "Xen 3.0: an empty vifnum= shares vifnum 0",
      xen: "3.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\n/etc/xen/scripts/network-bridge $1 vifnum=0 netdev=eth0\n/etc/xen/scripts/network-bridge $1 vifnum= netdev=eth1\n" },
      errors: [{ messageId: "sharedVifnum", file: XEND, line: 1, column: 17, message: /calls network-bridge 2 times with vifnum=0 \(line 2 and line 3\)/ }],
    },
    {
      name: "a call in a loop",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\nfor i in 0 1; do\n  /etc/xen/scripts/network-bridge \"$1\" netdev=eth$i bridge=xenbr$i\ndone\n" },
      errors: [
        { messageId: "repeated", file: XEND, line: 1, column: 17, message: /calls network-bridge 2 times \(line 3, 2 times in a loop\)/ },
        { messageId: "sharedVifnum", file: XEND, line: 1, column: 17, message: /calls network-bridge 2 times with vifnum=0 \(line 3, 2 times in a loop\)/ },
      ],
    },
    {
      name: "a bridge built by hand, then network-bridge",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\nbrctl addbr xenbr1\n/etc/xen/scripts/network-bridge \"$1\" netdev=eth0 bridge=xenbr0\n" },
      errors: [{ messageId: "afterBridge", file: XEND, line: 1, column: 17, message: /builds bridge xenbr1 itself \(line 2\) and then calls network-bridge \(line 3\); on Xen 4\.1 and later/ }],
    },
  ],
});
