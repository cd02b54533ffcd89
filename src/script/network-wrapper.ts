import { posix } from "node:path";
import type { BridgePair } from "./bridge-pair.js";
import { shellQuote } from "./shell-quote.js";
import { DEFAULT_SCRIPTS_DIR, networkScriptDirective } from "./xend-directive.js";
import { iproute2Body } from "./wrapper-iproute2.js";
import { networkBridgeBody } from "./wrapper-network-bridge.js";

/**
 * How the wrapper builds its bridges.
 * - `network-bridge`: calls Xen's own network-bridge once per bridge. Xen 3.0 to 4.0.
 * - `iproute2`: builds each bridge itself with ip(8). Any Xen whose dom0 kernel and iproute2 know
 *   `ip link add type bridge` and `ip link set master` (Linux 3.x and later); needed from Xen 4.1 on.
 */
export type WrapperForm = "network-bridge" | "iproute2";

/** Everything the generated script depends on. */
export interface NetworkWrapperDescription {
  form: WrapperForm;
  /** Bridges in start order; stop goes backwards. At least one; no name twice (see parseBridgePairs). */
  pairs: readonly BridgePair[];
  /** Xen's scripts directory: network-bridge lives there, and xend resolves bare script names there. */
  scriptsDir: string;
  /** Where the wrapper will be installed; names it in the header and in the xend directive. */
  wrapperPath: string;
}

/**
 * The text of a POSIX sh network-wrapper that takes `start`, `stop` or `status` as xend passes them.
 * Pure: the same description gives the same bytes. Every name and path in it goes through `shellQuote`.
 */
export function generateNetworkWrapper(desc: NetworkWrapperDescription): string {
  if (desc.pairs.length === 0) throw new RangeError("a network wrapper needs at least one bridge");
  const body = desc.form === "iproute2" ? iproute2Body(desc.pairs) : networkBridgeBody(desc.pairs, desc.scriptsDir);
  return [...header(desc), "", "set -u", "", ...body].join("\n") + "\n";
}

function header(desc: NetworkWrapperDescription): string[] {
  const name = posix.basename(desc.wrapperPath);
  const command = [
    "xencfg wrapper",
    `--form ${desc.form}`,
    ...desc.pairs.map((p) => `--bridge ${p.bridge}=${p.netdev}`),
    ...(desc.scriptsDir === DEFAULT_SCRIPTS_DIR ? [] : [`--scripts-dir ${desc.scriptsDir}`]),
    `-o ${desc.wrapperPath}`,
  ].join(" ");
  const lines = [
    "#!/bin/sh",
    `# ${name}: bridges for Xen guests, written by xencfg. Regenerate it rather than edit it:`,
    `#   ${command}`,
    "#",
    `# Bridges: ${desc.pairs.map((p) => `${p.bridge} on ${p.netdev}`).join(", ")}`,
    `# xend-config.sxp: ${networkScriptDirective(desc.wrapperPath, desc.scriptsDir)}`,
    "#",
  ];
  if (desc.form === "network-bridge") {
    lines.push(
      "# Form network-bridge, for Xen 3.0 to 4.0: calls Xen's network-bridge once per bridge with explicit",
      "# vifnum=, netdev= and bridge= (before Xen 3.2 network-bridge names each veth pair after vifnum).",
      "# Not for Xen 4.1 or later: there network-bridge returns at once when any bridge exists, so only the",
      "# first bridge would be built; generate the iproute2 form (--xen 4.1) instead.",
      "#   start   network-bridge start per bridge, in order; it skips a bridge it has already built.",
      "#   stop    network-bridge stop per bridge, last bridge first.",
      "#   status  network-bridge status per bridge.",
    );
  } else {
    lines.push(
      "# Form iproute2, for any Xen whose dom0 has iproute2 bridge support (Linux 3.x and later), and the",
      "# one that works from Xen 4.1 on, where network-bridge returns at once when any bridge exists. It",
      "# builds each bridge itself with ip(8) instead of calling network-bridge.",
      "#   start   gives each bridge its NIC's MAC address, moves the NIC's addresses and default routes to",
      "#           the bridge and enslaves the NIC; a bridge already built is left alone.",
      "#   stop    moves the addresses and default routes back and deletes the bridge, last bridge first.",
      "#   status  prints each bridge; exits 1 if one is not built.",
      "# With xl (Xen 4.5 and later have no xend) run it at boot yourself: " + `${shellQuote(desc.wrapperPath)} start`,
    );
  }
  return lines;
}
