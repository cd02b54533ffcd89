import { defineRule } from "../rule.js";
import type { DomainConfig } from "../../domain/domain-config.js";
import { othersIn, where } from "../guest-facts.js";
import { addToGroup } from "../../collections/group.js";

/** xl and xm refuse to create a domain whose name is in use, so the second guest to start fails. */
export default defineRule({
  id: "name-duplicate",
  severity: "error",
  description: "two guests with the same name",
  messages: {
    duplicate: "another guest is also named '{{name}}' ({{others}}); the second one to start is refused because the name is in use",
  },
  check: ({ guests, report }) => {
    const byName = new Map<string, DomainConfig[]>();
    for (const { guest } of guests) {
      const name = guest.guestName;
      if (name === undefined) continue;
      addToGroup(byName, name, guest);
    }
    for (const [name, list] of byName) {
      if (list.length < 2) continue;
      for (const g of list) {
        const setting = g.setting("name")!;
        const others = othersIn(list, g, (o) => where(o, o.setting("name")!.span.start, g));
        report({ doc: g, span: setting.node.value.span, messageId: "duplicate", data: { name, others } });
      }
    }
  },
});
