/**
 * What Xen's own network and vif scripts are, as far as the host rules care: the family each belongs to
 * and the `key=value` arguments each reads (tools/examples/ @ RELEASE-3.0.0, tools/hotplug/Linux/ @
 * RELEASE-4.1.0). Every stock script evaluates its `key=value` arguments with `eval`
 * (xen-script-common.sh evalVariables) and ignores names it never reads, so a misspelt key does nothing.
 */

export type ScriptFamily = "bridge" | "route" | "nat" | "openvswitch";

/** The arguments each stock network script reads. */
export const NETWORK_SCRIPT_ARGS: ReadonlyMap<string, readonly string[]> = new Map([
  // vifnum only names the veth pair in 3.0/3.1 and picks the default bridge/NIC there; later versions
  // still accept it.
  ["network-bridge", ["vifnum", "bridge", "netdev", "antispoof"]],
  // network-route: `netdev=${netdev:-eth${vifnum}}`, so vifnum counts too; antispoof is documented.
  ["network-route", ["netdev", "antispoof", "vifnum"]],
  ["network-nat", ["netdev", "antispoof", "dhcp"]],
]);

const NETWORK_FAMILIES: ReadonlyMap<string, ScriptFamily> = new Map([
  ["network-bridge", "bridge"],
  ["network-route", "route"],
  ["network-nat", "nat"],
]);

const VIF_FAMILIES: ReadonlyMap<string, ScriptFamily> = new Map([
  ["vif-bridge", "bridge"],
  ["vif-route", "route"],
  ["vif-nat", "nat"],
  ["vif-openvswitch", "openvswitch"],
]);

/** xend joins a bare name to its scripts directory and uses a path as it is; the script is its last part. */
export function scriptBaseName(script: string): string {
  return script.slice(script.lastIndexOf("/") + 1);
}

export function networkScriptFamily(script: string): ScriptFamily | undefined {
  return NETWORK_FAMILIES.get(scriptBaseName(script));
}

export function vifScriptFamily(script: string): ScriptFamily | undefined {
  return VIF_FAMILIES.get(scriptBaseName(script));
}

/** Whether a script name is one of Xen's stock network or vif scripts (installed by the Xen packages). */
export function isStockScript(script: string): boolean {
  const name = scriptBaseName(script);
  return NETWORK_FAMILIES.has(name) || VIF_FAMILIES.has(name);
}

/** The xend default vif-script when the directive is absent (osdep.vif_script on Linux). */
export const DEFAULT_VIF_SCRIPT = "vif-bridge";
