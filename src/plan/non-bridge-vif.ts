import type { VifSpec } from "../domain/vif-spec.js";
import type { XenTree } from "../host/read-host.js";
import { driverDomainOf, vifScriptOf } from "../lint/guest-facts.js";
import { vifScriptFamily } from "../lint/network-scripts.js";
import type { XenVersion } from "../lint/xen-version.js";

/** An interface whose bridge is none of dom0's: a hotplug script other than vif-bridge, or a driver domain. */
export interface NonBridgeVif {
  /** In a few words, for lists: `vif-route`, `driver domain netdom`. */
  script: string;
  /** What it does, for sentences: "runs vif-route (its script=)", "is served by driver domain netdom (its backend=)". */
  what: string;
  /** Why a bridge= migrate writes does nothing for it. */
  why: string;
}


/**
 * Why `bridge=` would do nothing for this interface, or undefined when its hotplug script is vif-bridge,
 * the one script that attaches an interface to the bridge its bridge= names. vif-route and vif-nat route
 * the interface through dom0 and never read bridge= (tools/hotplug/Linux @ RELEASE-4.1.0); vif-openvswitch
 * reads it as an Open vSwitch bridge, not one of the Linux bridges migrate builds; a site's own script is
 * none of Xen's. The script is the vif's own script=, else xend's vif-script, else vif-bridge, as lint
 * reads it (vifScriptOf), so the planner and the linter agree on which interfaces are bridged.
 */
export function nonBridgeVif(vif: VifSpec, tree: XenTree, xen: XenVersion | undefined): NonBridgeVif | undefined {
  // A driver domain runs the hotplug script and owns the bridge its bridge= names, as lint reads it.
  const backend = driverDomainOf(vif);
  if (backend !== undefined) {
    return { script: `driver domain ${backend}`, what: `is served by driver domain ${backend} (its backend=)`, why: "whose bridge= names a bridge in that domain, not one of the bridges migrate builds in dom0" };
  }
  const script = vifScriptOf(vif, tree, xen);
  const family = vifScriptFamily(script);
  if (family === "bridge") return undefined;
  const from = vif.get("script") ? "its script=" : "xend's vif-script";
  const why =
    family === "route" || family === "nat"
      ? "which routes the interface through dom0 and never reads bridge="
      : family === "openvswitch"
        ? "which puts the interface on an Open vSwitch bridge, not on the Linux bridges migrate builds"
        : "which is not one of Xen's bridge scripts";
  return { script, what: `runs ${script} (${from})`, why };
}
