import type { BridgePair } from "./bridge-pair.js";
import { actionCase } from "./action-case.js";
import { shellQuote } from "./shell-quote.js";

/**
 * The case statement of the network-bridge form. `vifnum` is each pair's position: Xen 3.0 and 3.1
 * default it to 0 for every call and name the veth pair `veth${vifnum}`/`vif0.${vifnum}` after it, so two
 * calls without it would fight over veth0 (tools/examples/network-bridge @ RELEASE-3.0.0); later versions
 * ignore it.
 */
export function networkBridgeBody(pairs: readonly BridgePair[], scriptsDir: string): string[] {
  const call = (action: string) => (pair: BridgePair) =>
    `"$scripts/network-bridge" ${action} vifnum=${pairs.indexOf(pair)} netdev=${shellQuote(pair.netdev)} bridge=${shellQuote(pair.bridge)}`;
  return [
    `scripts=${shellQuote(scriptsDir)}`,
    "",
    ...actionCase([
      ["start|status", pairs.map(call('"$1"'))],
      ["stop", [...pairs].reverse().map(call("stop"))],
    ]),
  ];
}
