import { defineRule } from "../rule.js";

/** xl overwrites as it reads a vif spec (parse_nic_config), so only the last of a repeated key counts. */
export default defineRule({
  id: "vif-duplicate-key",
  severity: "warning",
  description: "the same key twice in one vif (xl uses the last)",
  messages: {
    duplicate: "'{{key}}' is set again later in this vif and xl uses the last one ({{last}}); remove one",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        vif.entries.forEach((e, i) => {
          const later = vif.entries.slice(i + 1).some((o) => o.key === e.key);
          if (!later || e.key === "") return;
          const last = vif.entry(e.key)!;
          report({ doc: guest, span: e.span, messageId: "duplicate", data: { key: e.key, last: last.value === undefined ? last.key : `${last.key}=${last.value}` } });
        });
      }
    }
  },
});
