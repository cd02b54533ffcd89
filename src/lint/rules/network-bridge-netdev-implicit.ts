import { effectiveArgs, wrapperReading, xendConfigOf } from "../host-bridges.js";
import { scriptBaseName } from "../network-scripts.js";
import { defineRule } from "../rule.js";
import { atLeast } from "../xen-version.js";

/**
 * network-bridge without `netdev=` picks the NIC itself: from Xen 3.2 the one holding the default route
 * (`ip route list 0.0.0.0/0`, else eth0), in 3.0 and 3.1 `eth${vifnum}` (tools/examples/network-bridge @
 * RELEASE-3.0.0, RELEASE-3.2.0). It then takes that NIC down, renames it and moves its addresses to the
 * bridge: on a remote host whose default route changed NIC, or after a NIC rename, the wrong interface is
 * bridged and the host drops off the network. Naming the NIC makes the choice explicit.
 */
export default defineRule({
  id: "network-bridge-netdev-implicit",
  severity: "warning",
  description: "network-bridge without netdev= bridges whichever NIC it guesses",
  messages: {
    implicit: "network-bridge without netdev= bridges {{which}}: the classic way to cut a remote host off. Name the NIC with netdev=",
    wrapper: "{{script}} line {{line}} calls network-bridge without netdev=, so it bridges {{which}}: the classic way to cut a remote host off. Name the NIC with netdev=",
  },
  check: ({ trees, xen, report }) => {
    if (xen?.xl) return;
    const which = xen === undefined
      ? "the NIC holding the default route (Xen 3.2 and later; eth0 on 3.0 and 3.1)"
      : atLeast(xen, 3, 2)
        ? "the NIC holding the default route (or eth0)"
        : "eth0 (ethN for vifnum=N; Xen 3.0 and 3.1), whatever that NIC is";
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      const call = xend?.networkScript;
      if (!xend || !call) continue;
      if (scriptBaseName(call.script) === "network-bridge") {
        const args = effectiveArgs(call);
        // `(network-script network-bridge netdev=eth1)`: the NIC was named but xend drops it; that one
        // cause is network-script-unquoted-args' finding.
        const dropped = call.ignored.some((n) => /\bnetdev=/.test(xend.slice(n.span)));
        if (!args.has("netdev") && !dropped && args.get("bridge") !== "null") report({ doc: xend, span: call.scriptSpan, messageId: "implicit", data: { which } });
        continue;
      }
      const reading = wrapperReading(tree, call);
      for (const ev of reading?.events ?? []) {
        if (ev.kind !== "network-bridge" || ev.opaqueArgs || ev.args.has("netdev") || ev.args.get("bridge") === "null") continue;
        report({ doc: xend, span: call.scriptSpan, messageId: "wrapper", data: { script: `scripts/${ev.script}`, line: ev.line, which } });
      }
    }
  },
});
