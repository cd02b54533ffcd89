import { readFileSync } from "node:fs";
import rule from "../../../src/lint/rules/bridge-undefined.js";
import { ruleTester } from "../rule-tester.js";

const XEND = "etc/xen/xend-config.sxp";
const WRAPPER = "etc/xen/scripts/network-wrapper";
const guest = (bridge: string, extra = "") => `name = "g"\nvif = [ 'mac=00:16:3e:00:00:01, bridge=${bridge}${extra}' ]\n`;
// The classic two-NIC recipe: one network-bridge call per NIC, the second without vifnum=.
const recipe = (second: string) =>
  `#!/bin/sh\ndir=$(dirname "$0")\n"$dir/network-bridge" "$@" vifnum=0 netdev=eth0 bridge=xenbr0\n"$dir/network-bridge" "$@" ${second}netdev=eth1 bridge=xenbr1\n`;
// The wrapper xencfg generates in its iproute2 form (a golden file of the generator's tests).
const iproute2 = readFileSync(new URL("../../fixtures/wrapper/iproute2-two/output.sh", import.meta.url), "utf8");

ruleTester(rule, {
  valid: [
    { name: "a lone guest file: no host config in view", files: { "web1.cfg": guest("nowhere") } },
    { name: "a lone guest file, even with --xen xl and declared bridges", xen: "xl", bridges: ["br0"], files: { "web1.cfg": guest("nowhere") } },
    {
      name: "the bridge network-bridge builds",
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": guest("xenbr0") },
    },
    {
      name: "Xen 3.2+: vif-bridge maps a missing xenbr1 to the eth1 bridge network-bridge builds",
      xen: "3.2",
      files: { [XEND]: "(network-script 'network-bridge netdev=eth1')\n", "etc/xen/a.cfg": guest("xenbr1") },
    },
    {
      name: "Xen 3.2+: network-bridge without netdev= names its bridge after the default-route NIC, unknown",
      xen: "4.1",
      files: { [XEND]: "(network-script network-bridge)\n", "etc/xen/a.cfg": guest("br9") },
    },
    {
      name: "without --xen a bridge some version could have is accepted",
      files: { [XEND]: "(network-script network-bridge)\n", "etc/xen/a.cfg": guest("br9") },
    },
    {
      name: "a wrapper line xencfg cannot follow",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: "#!/bin/sh\nifup br7\n", "etc/xen/a.cfg": guest("br7") },
    },
    {
      name: "a bridge declared in the config file",
      bridges: ["br-dmz"],
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": guest("br-dmz") },
    },
    {
      name: "vif-route does not use bridges",
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n(vif-script vif-route)\n", "etc/xen/a.cfg": guest("nowhere") },
    },
    {
      name: "no bridge= takes the first bridge (xend)",
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": "vif = [ 'mac=00:16:3e:00:00:01' ]\n" },
    },
    {
      name: "xl: xl.conf's default bridge, declared",
      xen: "xl",
      bridges: ["br0"],
      files: { "etc/xen/xl.conf": 'vif.default.bridge="br0"\n', "etc/xen/a.cfg": "vif = [ 'mac=00:16:3e:00:00:01' ]\n" },
    },
    { name: "xl without declared bridges: unknown", xen: "xl", files: { "etc/xen/xl.conf": "", "etc/xen/a.cfg": guest("br9") } },
    {
      name: "xencfg's iproute2 wrapper: functions called with literal arguments",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: iproute2, "etc/xen/a.cfg": guest("xenbr0"), "etc/xen/b.cfg": guest("xenbr1") },
    },
    {
      name: "vif-openvswitch's bridge:VLAN names a declared bridge",
      bridges: ["ovsbr0"],
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": guest("ovsbr0:42:43", ",script=vif-openvswitch") },
    },
    {
      name: "Open vSwitch bridges live in its own database: silent unless declared",
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": guest("ovsbr0:42", ",script=vif-openvswitch") },
    },
    {
      name: "a no-op network-script leaves bridges to the distribution, none declared",
      files: { [XEND]: "(network-script /bin/true)\n", "etc/xen/a.cfg": guest("br0") },
    },
    {
      name: "a name no interface can have is vif-bridge-invalid's finding",
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": guest("xenbr-public-dmz") },
    },
    {
      name: "an interface served by a driver domain is bridged there",
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": guest("br-drv", ",backend=netdom") },
    },
    {
      name: "Xen 3.2: unquoted arguments are dropped, so the bridge name is the unknown default",
      xen: "3.2",
      files: { [XEND]: "(network-script network-bridge bridge=xenbr1)\n", "etc/xen/a.cfg": guest("xenbr7") },
    },
    {
      name: "Xen 3.0: calls with their own vifnum= each build their bridge",
      xen: "3.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: recipe("vifnum=1 "), "etc/xen/a.cfg": guest("xenbr1") },
    },
    {
      name: "without --xen, a second call sharing vifnum 0 still works on Xen 3.2 to 4.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: recipe(""), "etc/xen/a.cfg": guest("xenbr1") },
    },
    {
      name: "Xen 3.0: an unresolvable vifnum= may or may not reuse a veth pair: silent",
      xen: "3.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: recipe("vifnum=$VIF "), "etc/xen/a.cfg": guest("xenbr1") },
    },
    {
      name: "Xen 3.0: a second call with bridge=null takes no veth pair",
      xen: "3.0",
      files: {
        [XEND]: "(network-script network-wrapper)\n",
        [WRAPPER]: '#!/bin/sh\n"$(dirname "$0")/network-bridge" "$@" bridge=null\n"$(dirname "$0")/network-bridge" "$@" netdev=eth1 bridge=xenbr1\n',
        "etc/xen/a.cfg": guest("xenbr1"),
      },
    },
  ],
  invalid: [
    {
      // tools/examples/network-bridge of 3.0 and 3.1: op_start finds veth0 gone (the first call renamed it
      // eth0) and peth1 absent, and exits 1 before create_bridge.
      name: "Xen 3.0: a second call with the vifnum of the first builds nothing",
      xen: "3.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: recipe(""), "etc/xen/a.cfg": guest("xenbr0"), "etc/xen/b.cfg": guest("xenbr1") },
      errors: [
        {
          messageId: "missing",
          file: "etc/xen/b.cfg",
          line: 2,
          column: 40,
          message:
            "no bridge 'xenbr1' on this host, so vif-bridge fails and the guest does not start: the host has xenbr0 (scripts/network-wrapper line 3); " +
            "on Xen 3.0 and 3.1 network-bridge works through the veth pair of its vifnum, and the call at scripts/network-wrapper line 4 (vifnum=0) finds veth0 already taken by an earlier call, so it stops before building its bridge; " +
            "give each network-bridge call its own vifnum= (vifnum=0, vifnum=1, ...)",
        },
      ],
    },
    {
      // network-bridge: vifnum=${vifnum:-0}, so an empty vifnum= is 0 too.
      name: "Xen 3.0: an empty vifnum= is vifnum 0",
      xen: "3.0",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: recipe("vifnum= "), "etc/xen/b.cfg": guest("xenbr1") },
      errors: [{ messageId: "missing", file: "etc/xen/b.cfg", message: /the call at scripts\/network-wrapper line 4 \(vifnum=0\) finds veth0 already taken/ }],
    },
    {
      name: "Xen 3.0: a repeated call is not blamed for a bridge it would not build; the guess stays",
      xen: "3.0",
      files: {
        [XEND]: "(network-script network-wrapper)\n",
        [WRAPPER]: '#!/bin/sh\ndir=$(dirname "$0")\n"$dir/network-bridge" "$@" netdev=eth0 bridge=xenbr0\n"$dir/network-bridge" "$@" netdev=eth0 bridge=xenbr0\n',
        "etc/xen/b.cfg": guest("xenbrO"),
      },
      errors: [
        {
          messageId: "missing",
          file: "etc/xen/b.cfg",
          message: "no bridge 'xenbrO' on this host, so vif-bridge fails and the guest does not start: the host has xenbr0 (scripts/network-wrapper line 3) (did you mean 'xenbr0'?)",
        },
      ],
    },
    {
      name: "Xen 3.0: a loop's second run is named as such, with its own veth",
      xen: "3.0",
      files: {
        [XEND]: "(network-script network-wrapper)\n",
        [WRAPPER]: '#!/bin/sh\ndir=$(dirname "$0")\nfor n in 0 1; do\n  "$dir/network-bridge" "$@" netdev=eth$n bridge=xenbr$n\ndone\n',
        "etc/xen/b.cfg": guest("xenbr1"),
      },
      errors: [
        {
          messageId: "missing",
          file: "etc/xen/b.cfg",
          message: /the host has xenbr0 \(scripts\/network-wrapper line 4\); .* the call at scripts\/network-wrapper line 4 \(run 2\) \(vifnum=0\) finds veth0 already taken/,
        },
      ],
    },
    {
      name: "Xen 3.0: each inert call names its own vifnum",
      xen: "3.0",
      files: {
        [XEND]: "(network-script network-wrapper)\n",
        [WRAPPER]:
          '#!/bin/sh\nd=$(dirname "$0")\n"$d/network-bridge" "$@" vifnum=0 netdev=eth0 bridge=xenbr0\n"$d/network-bridge" "$@" vifnum=1 netdev=eth1 bridge=xenbr1\n' +
          '"$d/network-bridge" "$@" vifnum=0 netdev=eth2 bridge=xenbr2\n"$d/network-bridge" "$@" vifnum=1 netdev=eth3 bridge=xenbr3\n',
        "etc/xen/b.cfg": guest("xenbr3"),
      },
      errors: [{ messageId: "missing", file: "etc/xen/b.cfg", message: /the call at scripts\/network-wrapper line 6 \(vifnum=1\) finds veth1 already taken by an earlier call, so it stops/ }],
    },
    {
      name: "Xen 4.1: the second call returns at once, whatever its vifnum",
      xen: "4.1",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: recipe("vifnum=1 "), "etc/xen/b.cfg": guest("xenbr1") },
      errors: [
        {
          messageId: "missing",
          file: "etc/xen/b.cfg",
          message:
            "no bridge 'xenbr1' on this host, so vif-bridge fails and the guest does not start: the host has xenbr0 (scripts/network-wrapper line 3); " +
            "on Xen 4.1 and later network-bridge returns at once when a bridge exists, so the call at scripts/network-wrapper line 4 builds nothing; " +
            "build the bridges with ip(8) instead (xencfg wrapper --xen 4.1)",
        },
      ],
    },
    {
      name: "one finding per missing bridge and host, counting the other uses",
      files: {
        [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n(vif-script vif-bridge)\n",
        "etc/xen/a.cfg": guest("xenbr1"),
        "etc/xen/auto/b.cfg": guest("xenbr1"),
        "etc/xen/c.cfg": guest("xenbr0"),
      },
      errors: [
        {
          messageId: "missing",
          file: "etc/xen/a.cfg",
          line: 2,
          column: 40,
          endColumn: 46,
          message:
            "no bridge 'xenbr1' on this host, so vif-bridge fails and the guest does not start: the host has xenbr0 (network-script, xend-config.sxp line 1) (did you mean 'xenbr0'?); 1 more interface names it too (b.cfg)",
        },
      ],
    },
    {
      name: "Xen 3.0: network-bridge's default bridge is xenbr0",
      xen: "3.0",
      files: { [XEND]: "(network-script network-bridge)\n", "etc/xen/a.cfg": guest("xenbr0"), "etc/xen/b.cfg": guest("eth0") },
      errors: [{ messageId: "missing", file: "etc/xen/b.cfg", line: 2, column: 40, message: /no bridge 'eth0'.*the host has xenbr0 \(network-script/ }],
    },
    {
      name: "without --xen: fails under every xend version; the message gives each version's bridges",
      files: {
        [XEND]: "(network-script 'network-bridge netdev=eth1')\n",
        "etc/xen/a.cfg": guest("xenbr0"),
        "etc/xen/b.cfg": guest("xenbr1"),
        "etc/xen/c.cfg": guest("br9"),
      },
      errors: [
        {
          messageId: "missing",
          file: "etc/xen/c.cfg",
          line: 2,
          column: 40,
          message: /no bridge 'br9'.*xenbr0 \(network-script, xend-config.sxp line 1\) on Xen 3\.0 and 3\.1; eth1 \(network-script, xend-config.sxp line 1\) on Xen 3\.2 and later/,
        },
      ],
    },
    {
      name: "unquoted arguments are dropped: Xen 3.0 runs plain network-bridge, which builds xenbr0",
      xen: "3.0",
      files: { [XEND]: "(network-script network-bridge bridge=xenbr1 netdev=eth1)\n", "etc/xen/a.cfg": guest("xenbr1") },
      errors: [{ messageId: "missing", file: "etc/xen/a.cfg", line: 2, column: 40 }],
    },
    {
      name: "a wrapper's network-bridge calls (bridge=null builds nothing): no bridge for a vif without bridge=",
      files: {
        [XEND]: "(network-script network-wrapper)\n",
        [WRAPPER]: '#!/bin/sh\n"$(dirname "$0")/network-bridge" "$@" bridge=null\n',
        "etc/xen/a.cfg": "name = 'a'\nvif = [ 'mac=00:16:3e:00:00:01' ]\n",
      },
      errors: [{ messageId: "noBridge", file: "etc/xen/a.cfg", line: 2, column: 9, endColumn: 32, message: /there is none: the host has no bridge$/ }],
    },
    {
      name: "xl: a vif without bridge= goes to xenbr0, which is not among the declared bridges",
      xen: "xl",
      bridges: ["br0"],
      files: { "etc/xen/xl.conf": "", "etc/xen/a.cfg": "name = 'a'\nvif = [ 'mac=00:16:3e:00:00:01' ]\n" },
      errors: [{ messageId: "missing", file: "etc/xen/a.cfg", line: 2, column: 9, message: /no bridge 'xenbr0'.*br0 \(declared in the xencfg config\)/ }],
    },
    {
      name: "xl: an /etc/xen folder without xl.conf is a host too; its bridges are the declared ones",
      xen: "xl",
      bridges: ["br0"],
      files: { "etc/xen/a.cfg": guest("br1") },
      errors: [{ messageId: "missing", file: "etc/xen/a.cfg", line: 2, column: 40, message: /no bridge 'br1'.*br0 \(declared in the xencfg config\) \(did you mean 'br0'\?\)/ }],
    },
    {
      name: "xencfg's iproute2 wrapper builds xenbr0 and xenbr1 only",
      files: { [XEND]: "(network-script network-wrapper)\n", [WRAPPER]: iproute2, "etc/xen/a.cfg": guest("xenbr2") },
      errors: [{ messageId: "missing", file: "etc/xen/a.cfg", line: 2, column: 40, message: /xenbr0 \(scripts\/network-wrapper line \d+\) and xenbr1/ }],
    },
    {
      name: "vif-openvswitch: bridge NAME.TAG:TRUNK names bridge NAME",
      bridges: ["ovsbr0"],
      files: { [XEND]: "(network-script 'network-bridge bridge=xenbr0 netdev=eth0')\n", "etc/xen/a.cfg": guest("ovsbr1.10:42", ",script=vif-openvswitch") },
      errors: [{ messageId: "missing", file: "etc/xen/a.cfg", line: 2, column: 40, endColumn: 52, message: /no bridge 'ovsbr1'.*did you mean 'ovsbr0'/ }],
    },
  ],
});
