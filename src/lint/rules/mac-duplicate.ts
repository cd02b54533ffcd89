import { defineRule } from "../rule.js";
import type { DomainConfig } from "../../domain/domain-config.js";
import type { Span } from "../../ast/config-document.js";
import { othersIn, where } from "../guest-facts.js";
import { addToGroup } from "../../collections/group.js";
import { parseMacAsXl } from "../../mac/mac-address.js";

/**
 * Two interfaces with one MAC on one network fight over it: the bridge learns the address on whichever
 * port spoke last and each guest loses packets. Addresses are compared as xl reads them (case, missing or
 * extra leading zeros, any separator and a seventh octet do not make two addresses different).
 */
export default defineRule({
  id: "mac-duplicate",
  severity: "error",
  description: "the same MAC on two interfaces anywhere in the linted set",
  messages: {
    duplicate: "MAC {{mac}} is also used by {{others}}: two interfaces with one address lose each other's traffic",
  },
  check: ({ guests, report }) => {
    const uses = new Map<string, { doc: DomainConfig; span: Span; devid: number }[]>();
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("mac");
        // parsedMac is xencfg's reading (cached); a spelling it refuses may still be one xl takes.
        const parsed = vif.parsedMac?.ok ? vif.parsedMac : e?.value ? parseMacAsXl(e.value) : undefined;
        if (!e || !parsed?.ok) continue;
        addToGroup(uses, parsed.mac, { doc: guest, span: e.valueSpan ?? e.span, devid: vif.devid });
      }
    }
    for (const [mac, list] of uses) {
      if (list.length < 2) continue;
      for (const u of list) {
        const others = othersIn(list, u, (o) => `${where(o.doc, o.span.start, u.doc)} (vif ${o.devid})`);
        report({ doc: u.doc, span: u.span, messageId: "duplicate", data: { mac, others } });
      }
    }
  },
});
