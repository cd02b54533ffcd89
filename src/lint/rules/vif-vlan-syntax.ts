import { defineRule } from "../rule.js";

/**
 * `vlan=` (xl, with vif-bridge's VLAN support; xl-network-configuration(5)): terms separated by '/', each
 * `ID` with an optional `p` (the PVID) or `u` (untagged), `ID1-ID2[u]` (a range) or `ID+STEPxCOUNT[u]`
 * (COUNT more IDs, STEP apart). IDs are 1 to 4094, and one ID must be the PVID (`p`), which a single ID
 * may leave out.
 */
const SINGLE = /^(\d+)([pu]?)$/;
const RANGE = /^(\d+)-(\d+)(u?)$/;
const STEP = /^(\d+)\+(\d+)x(\d+)(u?)$/;

export default defineRule({
  id: "vif-vlan-syntax",
  severity: "error",
  description: "a vif vlan= that is not xl's VLAN list (IDs 1-4094, ranges, one PVID)",
  messages: {
    term: "'{{term}}' in vlan= is not a VLAN term: write an ID (10, 10p for the PVID, 10u for untagged), a range (100-110) or a series (100+10x4), separated by '/'",
    range: "'{{term}}' in vlan= names VLAN IDs outside 1 to 4094",
    order: "'{{term}}' in vlan= is a range whose first ID is larger than its last",
    pvid: "vlan={{value}} marks no VLAN as the PVID; add p to one ID, such as {{example}}",
    pvids: "vlan={{value}} marks {{count}} VLANs as the PVID; only one can be",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("vlan");
        if (!e) continue;
        const value = e.value ?? "";
        const span = e.valueSpan ?? e.span;
        const terms = value.split("/");
        let pvids = 0;
        let bad = false;
        for (const term of terms) {
          const problem = checkTerm(term);
          if (problem) {
            report({ doc: guest, span, messageId: problem, data: { term } });
            bad = true;
          } else if (term.endsWith("p")) pvids++;
        }
        if (bad) continue;
        if (terms.length > 1 && pvids === 0) report({ doc: guest, span, messageId: "pvid", data: { value, example: [`${terms[0]}p`, ...terms.slice(1)].join("/") } });
        else if (pvids > 1) report({ doc: guest, span, messageId: "pvids", data: { value, count: pvids } });
      }
    }
  },
});

const ok = (id: number) => id >= 1 && id <= 4094;

function checkTerm(term: string): "term" | "range" | "order" | undefined {
  let m = SINGLE.exec(term);
  if (m) return ok(Number(m[1])) ? undefined : "range";
  m = RANGE.exec(term);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (!ok(a) || !ok(b)) return "range";
    return a <= b ? undefined : "order";
  }
  m = STEP.exec(term);
  if (m) {
    const [start, step, count] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return ok(start) && ok(start + step * count) ? undefined : "range";
  }
  return "term";
}
