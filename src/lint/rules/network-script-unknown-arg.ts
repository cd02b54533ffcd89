import { wrapperReading, xendConfigOf } from "../host-bridges.js";
import { nearest } from "../nearest.js";
import { NETWORK_SCRIPT_ARGS, scriptBaseName } from "../network-scripts.js";
import { defineRule } from "../rule.js";
import { isKnown } from "../shell-wrapper.js";

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
    wrapper: "{{wrapper}} line {{line}} passes '{{key}}' to network-bridge, which does not read it, so the argument does nothing{{hint}}; it takes {{known}}",
  },
  check: ({ trees, xen, report }) => {
    // With xl nothing reads xend-config.sxp (network-script-ignored says so once).
    if (xen?.xl) return;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      const call = xend?.networkScript;
      if (!xend || !call) continue;
      const script = scriptBaseName(call.script);
      const table = NETWORK_SCRIPT_ARGS.get(script);
      if (!table) {
        checkWrapper();
        continue;
      }
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

      // A wrapper's own calls of network-bridge, reported at the directive that runs the wrapper.
      function checkWrapper(): void {
        const bridgeArgs = NETWORK_SCRIPT_ARGS.get("network-bridge")!;
        const seen = new Set<string>();
        for (const ev of wrapperReading(tree, call!)?.events ?? []) {
          if (ev.kind !== "network-bridge") continue;
          for (const [key, value] of ev.args) {
            if (bridgeArgs.includes(key) || seen.has(`${ev.script}:${ev.line}:${key}`)) continue;
            seen.add(`${ev.script}:${ev.line}:${key}`);
            const guess = nearest(key, bridgeArgs);
            report({
              doc: xend!,
              span: call!.scriptSpan,
              messageId: "wrapper",
              data: { wrapper: `scripts/${ev.script}`, line: ev.line, key, known: bridgeArgs.map((k) => `${k}=`).join(", "), hint: guess ? ` (did you mean '${guess}=${isKnown(value) ? value : "…"}'?)` : "" },
            });
          }
        }
      }
    }
  },
});
