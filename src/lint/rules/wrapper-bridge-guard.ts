import { vifnumArg, wrapperReading, xendConfigOf } from "../host-bridges.js";
import { joinAnd } from "../guest-facts.js";
import { scriptBaseName } from "../network-scripts.js";
import { defineRule } from "../rule.js";
import { atLeast } from "../xen-version.js";
import { isKnown } from "../shell-wrapper.js";
import { addToGroup } from "../../collections/group.js";

/**
 * Since Xen 4.1 (commit edf9a6a284, "Do not mess with bridge if admin has set one up already")
 * `network-bridge start` returns at once when any bridge exists. A wrapper that calls it once per NIC,
 * the classic recipe for two bridges, then brings up only the first; so does one that builds a bridge
 * itself and then calls network-bridge. In Xen 3.0 and 3.1 each call moves its NIC onto the veth/vif0 pair
 * of its `vifnum` (default 0; tools/examples/network-bridge @ RELEASE-3.0.0: `vdev=veth${vifnum}`,
 * `vif0=vif0.${vifnum}`), so two calls with one vifnum (the recipe as usually printed, without vifnum=)
 * bridge only the first NIC: the later call finds veth0 gone and fails. The recipe works on 3.2 to 4.0.
 */
export default defineRule({
  id: "wrapper-bridge-guard",
  severity: "warning",
  description: "a wrapper calls network-bridge more than once, which on Xen 4.1 and later (and 3.0/3.1 without distinct vifnum=) brings up only the first bridge",
  messages: {
    repeated: "{{script}} calls network-bridge {{count}} times ({{lines}}); {{when}} network-bridge returns at once when any bridge exists, so only the first call builds a bridge. Build the bridges with ip(8) instead (xencfg's iproute2 wrapper form)",
    sharedVifnum: "{{script}} calls network-bridge {{count}} times with vifnum={{vifnum}} ({{lines}}); {{when}} network-bridge moves the NIC's address onto the veth{{vifnum}}/vif0.{{vifnum}} pair of that vifnum, which the first call has already used, so a later call fails ('Link veth{{vifnum}} is missing') and its NIC is not bridged. Give each call its own vifnum= (vifnum=0, vifnum=1, ...)",
    afterBridge: "{{script}} builds bridge {{bridge}} itself (line {{bridgeLine}}) and then calls network-bridge (line {{line}}); {{when}} network-bridge returns at once when any bridge exists, so that call builds nothing. Build every bridge the same way (ip(8))",
  },
  check: ({ trees, xen, report }) => {
    // With xl no network-script runs (network-script-ignored).
    if (xen?.xl) return;
    // The early return is 4.1's; the shared veth pair is 3.0's and 3.1's; 3.2 to 4.0 run the recipe.
    const early = !xen || atLeast(xen, 4, 1);
    const veth = !xen || !atLeast(xen, 3, 2);
    if (!early && !veth) return;
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
      // A call in a loop runs once per word: the same line counts each time.
      const linesOf = (list: readonly { script: string; line: number }[]) => {
        const counts = new Map<string, number>();
        for (const c of list) {
          const at = c.script === name ? `line ${c.line}` : `${c.script} line ${c.line}`;
          counts.set(at, (counts.get(at) ?? 0) + 1);
        }
        return joinAnd([...counts].map(([at, n]) => (n > 1 ? `${at}, ${n} times in a loop` : at)));
      };
      if (early && calls.length >= 2) {
        report({ doc: xend, span: call.scriptSpan, messageId: "repeated", data: { script, count: calls.length, lines: linesOf(calls), when } });
      }
      if (veth) {
        const byVifnum = new Map<string, typeof calls>();
        for (const c of calls) {
          const vifnum = c.opaqueArgs ? undefined : vifnumArg(c.args);
          if (vifnum !== undefined && isKnown(vifnum)) addToGroup(byVifnum, vifnum, c);
        }
        const vethWhen = xen ? `on Xen ${xen.major}.${xen.minor}` : "on Xen 3.0 and 3.1";
        for (const [vifnum, same] of byVifnum) {
          if (same.length < 2) continue;
          report({ doc: xend, span: call.scriptSpan, messageId: "sharedVifnum", data: { script, count: same.length, vifnum, lines: linesOf(same), when: vethWhen } });
        }
      }
      if (!early || calls.length >= 2) continue;
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
