import { parseMac, type MacParseResult } from "../mac/mac-address.js";
import type { VifSpec } from "../domain/vif-spec.js";

// Parsed once per interface: mac-duplicate, mac-multicast and mac-not-xen-oui each read every vif of every
// guest (20,000 on a large host). A VifSpec never changes, so its answer never goes stale.
const parsed = new WeakMap<VifSpec, MacParseResult | null>();

/** The vif's `mac=` (the last one, as xl reads it) parsed; undefined when there is none or it is empty. */
export function parsedMacOf(vif: VifSpec): MacParseResult | undefined {
  let p = parsed.get(vif);
  if (p === undefined) {
    const value = vif.entry("mac")?.value;
    parsed.set(vif, (p = value ? parseMac(value) : null));
  }
  return p ?? undefined;
}
