import { defineRule } from "../rule.js";
import type { DomainConfig } from "../../domain/domain-config.js";
import type { Span } from "../../ast/config-document.js";
import { isHvm, othersIn, where } from "../guest-facts.js";
import { addToGroup } from "../../collections/group.js";

/**
 * vifname names the backend interface in dom0, where names are unique: the second interface with a
 * name in use cannot be created and its guest fails to start. An HVM guest's emulated NIC also takes
 * `<vifname>-emu` (libxl), which can collide with another guest's vifname.
 */
export default defineRule({
  id: "vifname-duplicate",
  severity: "error",
  description: "two interfaces with the same vifname across the linted guests",
  messages: {
    duplicate: "vifname '{{name}}' is also used by {{others}}; dom0 interface names are unique, so the second guest to start fails",
  },
  check: ({ guests, report }) => {
    const uses = new Map<string, { doc: DomainConfig; span: Span; emu: boolean }[]>();
    const add = (name: string, u: { doc: DomainConfig; span: Span; emu: boolean }) => addToGroup(uses, name, u);
    for (const { guest } of guests) {
      const hvm = isHvm(guest);
      for (const vif of guest.vifs) {
        const e = vif.entry("vifname");
        if (!e?.value) continue;
        const span = e.valueSpan ?? e.span;
        add(e.value, { doc: guest, span, emu: false });
        if (hvm && vif.get("type") !== "vif") add(`${e.value}-emu`, { doc: guest, span, emu: true });
      }
    }
    for (const [name, list] of uses) {
      if (list.length < 2) continue;
      // Two "-emu" twins collide only if their vifnames do, which is reported under the plain name.
      const twinsOnly = list.every((o) => o.emu);
      for (const u of list) {
        if (u.emu && twinsOnly) continue;
        const others = othersIn(list, u, (o) => `${where(o.doc, o.span.start, u.doc)}${o.emu ? ` (its emulated twin ${name})` : ""}`);
        report({ doc: u.doc, span: u.span, messageId: "duplicate", data: { name, others } });
      }
    }
  },
});
