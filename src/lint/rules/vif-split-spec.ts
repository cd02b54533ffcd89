import { defineRule } from "../rule.js";
import { quoteConfigString } from "../../edit/quote.js";
import { looksLikeSplitVifSpec } from "../../domain/split-vif-spec.js";

/**
 * Each string of the vif list is one interface (its index is the DEVID; xl-network-configuration(5)), so
 * `[ 'bridge=xenbr1', 'mac=00:16:3e:07:d2:0e' ]` is two interfaces: one on xenbr1 with a random MAC and
 * one with that MAC on the default bridge. Which lists look split: looksLikeSplitVifSpec.
 */
export default defineRule({
  id: "vif-split-spec",
  severity: "warning",
  description: "one interface's keys split over several vif entries, which makes one interface per key",
  fixable: true,
  messages: {
    split: "these {{count}} vif entries each set one key, which makes {{count}} interfaces; if one interface was meant, write {{merged}}",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      if (!looksLikeSplitVifSpec(guest)) continue;
      const list = guest.vifList!;
      const vifs = guest.vifs;
      const merged = vifs.map((v) => (v.entries[0]!.value === undefined ? v.entries[0]!.key : `${v.entries[0]!.key}=${v.entries[0]!.value}`)).join(", ");
      const first = list.items[0]!;
      const last = list.items[list.items.length - 1]!;
      const span = { start: first.span.start, end: last.span.end };
      const quote = vifs[0]!.node.quote === '"' ? '"' : "'";
      const quoted = quoteConfigString(merged, quote);
      // Merging would delete comments between the entries, and curly quotes are the syntax rule's.
      const commented = guest.tree.comments.some((c) => c.start >= span.start && c.end <= span.end);
      const fixable = !commented && vifs.every((v) => !v.node.curly && v.node.terminated);
      report({
        doc: guest,
        span,
        messageId: "split",
        data: { count: vifs.length, merged: `[ ${quoted} ]` },
        ...(fixable ? { fix: [{ ...span, text: quoted }], fixType: "split-spec" } : {}),
      });
    }
  },
});
