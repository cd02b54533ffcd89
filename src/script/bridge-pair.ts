import { type InterfaceName, MAX_INTERFACE_NAME_BYTES, validateInterfaceName } from "./interface-name.js";

/** One bridge and the physical NIC it is built on. */
export interface BridgePair {
  bridge: InterfaceName;
  netdev: InterfaceName;
  /** The network-bridge form's vifnum= for this pair, when it must stay what the host uses now. */
  vifnum?: number;
}

export type BridgePairsResult = { ok: true; pairs: BridgePair[] } | { ok: false; message: string };

export interface ParseBridgePairsOptions {
  /** The pairs go to Xen's network-bridge, which renames each NIC to `p<NIC>`: that name must fit too. */
  networkBridge?: boolean;
  /**
   * Allow `NIC=NIC`: from Xen 3.2 network-bridge names the bridge after the NIC, renaming the NIC p<NIC>
   * first (tools/hotplug/Linux/network-bridge @ RELEASE-3.2.0), which is how such a host already runs.
   * Only for network-bridge calls on Xen 3.2 to 4.0: ip cannot do it, and Xen 3.0 gives the NIC's name to its veth.
   */
  nicNamed?: boolean;
}

/**
 * Reads `BRIDGE=NETDEV` arguments (as given to `--bridge`) into pairs, refusing bad names and any name
 * used twice: two bridges on one NIC, one bridge on two NICs, a bridge named like a NIC. The message names
 * the argument it is about.
 */
export function parseBridgePairs(args: readonly string[], options: ParseBridgePairsOptions = {}): BridgePairsResult {
  const pairs: BridgePair[] = [];
  const seen = new Map<string, string>();
  for (const arg of args) {
    const where = `--bridge ${JSON.stringify(arg)}`;
    const eq = arg.indexOf("=");
    if (eq < 0) return { ok: false, message: `${where}: expected BRIDGE=NETDEV, such as xenbr0=eth0` };
    const names = { bridge: arg.slice(0, eq), netdev: arg.slice(eq + 1) };
    const nicNamed = names.bridge === names.netdev && names.bridge !== "";
    if (nicNamed && !options.nicNamed) {
      return { ok: false, message: `${where}: a bridge and its NIC need different names, such as xenbr0=eth0` };
    }
    const pair: Partial<BridgePair> = {};
    for (const role of ["bridge", "netdev"] as const) {
      const checked = validateInterfaceName(names[role]);
      const label = role === "bridge" ? "bridge name" : "NIC name";
      if (!checked.ok) return { ok: false, message: `${where}: the ${label} ${JSON.stringify(names[role])} ${checked.message}` };
      const earlier = seen.get(checked.name);
      if (earlier !== undefined && !(nicNamed && role === "netdev" && earlier === where)) {
        return { ok: false, message: `${where}: ${JSON.stringify(checked.name)} is already used by ${earlier}; each bridge and each NIC may appear once` };
      }
      if (role === "netdev" && options.networkBridge && Buffer.byteLength(checked.name) >= MAX_INTERFACE_NAME_BYTES) {
        return {
          ok: false,
          message: `${where}: network-bridge renames the NIC ${JSON.stringify(checked.name)} to "p${checked.name}", which is longer than ${MAX_INTERFACE_NAME_BYTES} bytes; use the iproute2 form`,
        };
      }
      seen.set(checked.name, where);
      pair[role] = checked.name;
    }
    pairs.push(pair as BridgePair);
  }
  if (pairs.length === 0) return { ok: false, message: "name at least one bridge: --bridge BRIDGE=NETDEV" };
  return { ok: true, pairs };
}
