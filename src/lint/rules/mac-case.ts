import { defineRule } from "../rule.js";

/** xl reads either case; xencfg writes lower case, so a file it edits keeps one spelling of each address. */
export default defineRule({
  id: "mac-case",
  severity: "info",
  description: "a vif mac= with upper-case hex digits (xencfg writes lower case)",
  fixable: true,
  messages: { upper: "write the MAC in lower case: {{lower}}" },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        const e = vif.entry("mac");
        const span = e?.valueSpan;
        // parsedMac is the same last mac= parsed once for all the mac-* rules.
        if (!e?.value || !span || !/[A-F]/.test(e.value) || !vif.parsedMac?.ok) continue;
        const raw = guest.slice(span);
        const lower = e.value.toLowerCase();
        // Only when the source spells the value plainly (no escapes), so the edit is exactly the value.
        const fix = raw === e.value ? [{ ...span, text: lower }] : undefined;
        report({ doc: guest, span, messageId: "upper", data: { lower }, fix });
      }
    }
  },
});
