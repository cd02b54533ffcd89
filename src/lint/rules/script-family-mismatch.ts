import { wrapperReading, xendConfigOf } from "../host-bridges.js";
import { DEFAULT_VIF_SCRIPT, networkScriptFamily, scriptBaseName, vifScriptFamily, type ScriptFamily } from "../network-scripts.js";
import { defineRule } from "../rule.js";

const PAIR: Readonly<Record<string, string>> = { bridge: "vif-bridge", route: "vif-route", nat: "vif-nat" };
const NETWORK_PAIR: Readonly<Record<string, string>> = { bridge: "network-bridge", route: "network-route", nat: "network-nat" };

/**
 * Xen's scripts go in pairs (tools/examples/xend-config.sxp, all versions): network-bridge with
 * vif-bridge, network-route with vif-route, network-nat with vif-nat. vif-bridge needs the bridges
 * network-bridge builds; vif-route and vif-nat route each interface and need the forwarding
 * network-route and network-nat switch on. A wrapper that calls network-bridge (or builds bridges
 * itself) counts as bridge. Without a vif-script directive xend runs vif-bridge.
 */
export default defineRule({
  id: "script-family-mismatch",
  severity: "error",
  description: "network-script and vif-script from different families (bridge with route or nat)",
  messages: {
    mismatch: "network-script {{network}} sets up {{netFamily}} networking but {{vifWhat}} is {{vif}}, for {{vifFamily}} networking; use {{pair}} with it (or {{networkPair}} with {{vif}})",
  },
  check: ({ trees, xen, report }) => {
    if (xen?.xl) return;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      const net = xend?.networkScript;
      if (!xend || !net) continue;
      let netFamily: ScriptFamily | undefined = networkScriptFamily(net.script);
      let network = scriptBaseName(net.script);
      if (!netFamily) {
        const reading = wrapperReading(tree, net);
        if (reading?.events.length) {
          netFamily = "bridge";
          network = `${network} (a wrapper that builds bridges)`;
        }
      }
      const vifCall = xend.vifScript;
      const vif = vifCall ? scriptBaseName(vifCall.script) : DEFAULT_VIF_SCRIPT;
      const vifFamily = vifScriptFamily(vif);
      // Bridge against route or nat: vif-bridge needs bridges, vif-route and vif-nat need none. Route and
      // nat both switch on forwarding, and vif-openvswitch's bridges are Open vSwitch's own: not judged.
      if (!netFamily || !vifFamily || netFamily === vifFamily || (netFamily !== "bridge" && vifFamily !== "bridge")) continue;
      if (vifFamily === "openvswitch") continue;
      const directive = xend.directive("vif-script") ?? xend.directive("network-script")!;
      report({
        doc: xend,
        span: vifCall?.scriptSpan ?? directive.span,
        messageId: "mismatch",
        data: {
          network,
          netFamily,
          vifWhat: vifCall ? "vif-script" : "the default vif-script (none is set)",
          vif,
          vifFamily,
          pair: PAIR[netFamily]!,
          networkPair: NETWORK_PAIR[vifFamily]!,
        },
      });
    }
  },
});
