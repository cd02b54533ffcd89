import { xendConfigOf } from "../host-bridges.js";
import { defineRule } from "../rule.js";

/**
 * xend reads `network-script` and `vif-script` with get_config_string, which returns the directive's
 * first value only, and splits that on spaces (XendOptions.get_network_script @ pre-removal). So
 * `(network-script network-bridge netdev=eth1)` runs plain `network-bridge`: the arguments are dropped
 * without a word, and network-bridge falls back to its defaults. They must be one quoted string.
 */
export default defineRule({
  id: "network-script-unquoted-args",
  severity: "error",
  description: "network-script or vif-script arguments outside the quoted string, which xend drops",
  messages: {
    dropped: "xend runs only '{{script}}': it takes the first value of {{name}} and drops '{{rest}}'. Quote the whole command: ({{name}} {{fixed}})",
  },
  check: ({ trees, xen, report }) => {
    // With xl nothing reads xend-config.sxp (network-script-ignored says so once).
    if (xen?.xl) return;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      if (!xend) continue;
      for (const name of ["network-script", "vif-script"] as const) {
        const d = xend.directive(name);
        const call = name === "network-script" ? xend.networkScript : xend.vifScript;
        // A nested list is a misplaced ')' (the reader's syntax warning), not arguments to quote.
        if (!d || !call || call.ignored.length === 0 || call.ignored.some((n) => n.kind === "list")) continue;
        const first = call.ignored[0]!;
        const last = call.ignored[call.ignored.length - 1]!;
        const span = { start: first.span.start, end: last.span.end };
        const rest = xend.slice(span).replace(/\s+/g, " ");
        const words = [xend.slice(d.args[0]!.span), ...call.ignored.map((n) => xend.slice(n.span))].map((w) => w.replace(/^['"]|['"]$/g, ""));
        const q = xend.quoteStyle;
        report({ doc: xend, span, messageId: "dropped", data: { script: words[0]!, name, rest, fixed: `${q}${words.join(" ")}${q}` } });
      }
    }
  },
});
