import { basename } from "node:path";
import type { ConfigDocument, Span } from "../../ast/config-document.js";
import { vifScriptOf } from "../guest-facts.js";
import { xendConfigOf } from "../host-bridges.js";
import { plural } from "../../text/plural.js";
import { scriptBaseName, vifScriptFamily } from "../network-scripts.js";
import { defineRule } from "../rule.js";

/**
 * vif-route and vif-nat route each guest interface through dom0 and never read `bridge=`
 * (tools/hotplug/Linux/vif-route, vif-nat @ RELEASE-4.1.0). Guests that name a bridge on a host whose
 * default vif-script routes were written for a bridged host: they start, but not on the network their
 * bridge= promises. Reported once per host, at the setting that makes the host route; interfaces with
 * their own `script=` are left alone.
 */
export default defineRule({
  id: "vif-script-ignores-bridge",
  severity: "warning",
  description: "guests name bridges but the host's default vif-script routes (vif-route, vif-nat) and ignores them",
  messages: {
    ignored: "the host's vif-script is {{script}}, which routes each interface and ignores bridge=, but {{count}} in {{guests}} {{verb}} a bridge (first: {{first}}); either the guests were written for a bridged host or the host should use vif-bridge",
  },
  check: ({ trees, xen, report }) => {
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      let at: { doc: ConfigDocument; span: Span } | undefined;
      if (xen?.xl) {
        const s = tree.xlConf?.setting("vif.default.script") ?? tree.xlConf?.setting("vifscript");
        if (s && tree.xlConf) at = { doc: tree.xlConf, span: s.node.value.span };
      } else if (xend?.vifScript) at = { doc: xend, span: xend.vifScript.scriptSpan };
      if (!at) continue;
      const named: { file: string; line: number; bridge: string }[] = [];
      const guests = new Set<string>();
      let script = "";
      for (const guest of tree.guests) {
        for (const vif of guest.vifs) {
          if (vif.has("script")) continue;
          script = vifScriptOf(vif, tree, xen);
          const family = vifScriptFamily(script);
          const bridge = vif.bridge;
          if ((family !== "route" && family !== "nat") || !bridge) continue;
          named.push({ file: basename(guest.file), line: guest.position(vif.span.start).line, bridge });
          guests.add(guest.file);
        }
      }
      if (named.length === 0) continue;
      const first = named[0]!;
      report({
        doc: at.doc,
        span: at.span,
        messageId: "ignored",
        data: { script: scriptBaseName(script), count: plural(named.length, "interface"), verb: named.length === 1 ? "names" : "name", guests: plural(guests.size, "guest"), first: `${first.file} line ${first.line}, bridge=${first.bridge}` },
      });
    }
  },
});
