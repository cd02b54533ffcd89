import type { BridgePair } from "./bridge-pair.js";
import { actionCase } from "./action-case.js";
import { shellQuote } from "./shell-quote.js";

/**
 * The case statement of the network-bridge form. Xen 3.0 and 3.1 default `vifnum` to 0 for every call and
 * wire each bridge through the veth pair `veth${vifnum}`/`vif0.${vifnum}` (tools/examples/network-bridge @
 * RELEASE-3.0.0), so every call gets its own number: a pair's own `vifnum` when it has one (a bridge the
 * host already runs keeps its pair), else the lowest number no other pair uses. Later versions ignore it.
 */
export function networkBridgeBody(pairs: readonly BridgePair[], scriptsDir: string): string[] {
  const numbers = vifnums(pairs);
  const call = (action: string) => (pair: BridgePair) =>
    `"$scripts/network-bridge" ${action} vifnum=${numbers.get(pair)} netdev=${shellQuote(pair.netdev)} bridge=${shellQuote(pair.bridge)}`;
  return [
    `scripts=${shellQuote(scriptsDir)}`,
    "",
    ...actionCase([
      ["start|status", pairs.map(call('"$1"'))],
      ["stop", [...pairs].reverse().map(call("stop"))],
    ]),
  ];
}

function vifnums(pairs: readonly BridgePair[]): Map<BridgePair, number> {
  const out = new Map<BridgePair, number>();
  const used = new Set<number>();
  for (const p of pairs) {
    // Two pairs asking for one number cannot both have it; the first keeps it.
    if (p.vifnum !== undefined && !used.has(p.vifnum)) {
      out.set(p, p.vifnum);
      used.add(p.vifnum);
    }
  }
  let next = 0;
  for (const p of pairs) {
    if (out.has(p)) continue;
    while (used.has(next)) next++;
    out.set(p, next);
    used.add(next);
  }
  return out;
}
