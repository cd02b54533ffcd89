import { xendConfigOf } from "../host-bridges.js";
import { nearest } from "../nearest.js";
import { NETWORK_SCRIPT_ARGS, scriptBaseName } from "../network-scripts.js";
import { defineRule } from "../rule.js";

/**
 * Xen's network scripts read their `key=value` arguments with `eval` (xen-script-common.sh evalVariables)
 * and then use only the names they know: network-bridge vifnum, bridge, netdev, antispoof; network-route
 * netdev, antispoof (and vifnum, its netdev default); network-nat netdev, antispoof, dhcp. Any other name
 * is set and never read, so `antispoofing=yes` silently leaves anti-spoofing off. A word without `=` is
 * no argument at all (findCommand would even take it for the command). Custom scripts are not checked.
 */
export default defineRule({
  id: "network-script-unknown-arg",
  severity: "error",
  description: "an argument the named Xen network script does not take",
  messages: {
    unknown: "{{script}} does not read '{{key}}', so this argument does nothing{{hint}}; it takes {{known}}",
    notKeyValue: "'{{word}}' is not a key=value argument, which is all {{script}} reads; it takes {{known}}",
  },
  check: ({ trees, report }) => {
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      const call = xend?.networkScript;
      if (!xend || !call) continue;
      const script = scriptBaseName(call.script);
      const table = NETWORK_SCRIPT_ARGS.get(script);
      if (!table) continue;
      const known = table.map((k) => `${k}=`).join(", ");
      for (const a of call.args) {
        if (a.value === undefined) {
          // `'network-bridge start'` only repeats the command xend passes anyway.
          if (["start", "stop", "status"].includes(a.key)) continue;
          report({ doc: xend, span: a.span, messageId: "notKeyValue", data: { word: a.key, script, known } });
          continue;
        }
        if (table.includes(a.key)) continue;
        const guess = nearest(a.key, table);
        report({ doc: xend, span: a.keySpan, messageId: "unknown", data: { script, key: a.key, known, hint: guess ? ` (did you mean '${guess}=${a.value}'?)` : "" } });
      }
    }
  },
});
