import { wrapperReading, xendConfigOf } from "../host-bridges.js";
import { joinAnd } from "../guest-facts.js";
import { scriptBaseName } from "../network-scripts.js";
import { defineRule } from "../rule.js";
import { atLeast } from "../xen-version.js";

/**
 * Since Xen 4.1 (commit edf9a6a284, "Do not mess with bridge if admin has set one up already")
 * `network-bridge start` returns at once when any bridge exists. A wrapper that calls it once per NIC,
 * the classic recipe for two bridges, then brings up only the first; so does one that builds a bridge
 * itself and then calls network-bridge. Before 4.1 the recipe works.
 */
export default defineRule({
  id: "wrapper-bridge-guard",
  severity: "warning",
  description: "a wrapper calls network-bridge more than once, which on Xen 4.1 and later brings up only the first bridge",
  messages: {
    repeated: "{{script}} calls network-bridge {{count}} times ({{lines}}); {{when}} network-bridge returns at once when any bridge exists, so only the first call builds a bridge. Build the bridges with ip(8) instead (xencfg's iproute2 wrapper form)",
    afterBridge: "{{script}} builds bridge {{bridge}} itself (line {{bridgeLine}}) and then calls network-bridge (line {{line}}); {{when}} network-bridge returns at once when any bridge exists, so that call builds nothing. Build every bridge the same way (ip(8))",
  },
  check: ({ trees, xen, report }) => {
    // Before 4.1 the recipe works; with xl no network-script runs (network-script-ignored).
    if (xen && (xen.xl || !atLeast(xen, 4, 1))) return;
    const when = xen ? `on Xen ${xen.major}.${xen.minor}` : "on Xen 4.1 and later";
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      const call = xend?.networkScript;
      if (!xend || !call) continue;
      const reading = wrapperReading(tree, call);
      if (!reading) continue;
      const calls = reading.events.filter((e) => e.kind === "network-bridge");
      const name = scriptBaseName(call.script);
      const script = `scripts/${name}`;
      if (calls.length >= 2) {
        // A call in a loop runs once per word: the same line counts each time.
        const counts = new Map<string, number>();
        for (const c of calls) {
          const at = c.script === name ? `line ${c.line}` : `${c.script} line ${c.line}`;
          counts.set(at, (counts.get(at) ?? 0) + 1);
        }
        const lines = joinAnd([...counts].map(([at, n]) => (n > 1 ? `${at}, ${n} times in a loop` : at)));
        report({ doc: xend, span: call.scriptSpan, messageId: "repeated", data: { script, count: calls.length, lines, when } });
        continue;
      }
      const own = reading.events.findIndex((e) => e.kind === "bridge");
      const later = reading.events.findIndex((e, i) => i > own && e.kind === "network-bridge");
      if (own >= 0 && later > own) {
        const b = reading.events[own]!;
        const nb = reading.events[later]!;
        report({ doc: xend, span: call.scriptSpan, messageId: "afterBridge", data: { script, bridge: b.kind === "bridge" ? b.name : "", bridgeLine: b.line, line: nb.line, when } });
      }
    }
  },
});
