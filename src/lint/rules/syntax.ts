import { defineRule } from "../rule.js";
import { diagnosticSpan, documentsOf } from "../documents.js";
import { curlyQuoteFixes } from "../curly-quote-fix.js";

/**
 * The readers' syntax errors as findings, so one run reports every broken file and still lints the rest.
 * Curly-quoted strings get a safe fix: straight quotes are what the author meant (see curly-quote-fix.ts).
 */
export default defineRule({
  id: "syntax",
  severity: "error",
  description: "the file does not parse as xend's S-expressions or xl's guest syntax (curly quotes are fixable)",
  fixable: true,
  messages: { syntax: "{{message}}" },
  check: ({ trees, report }) => {
    for (const doc of documentsOf(trees)) {
      const syntax = doc.diagnostics.filter((d) => d.code === "syntax");
      if (syntax.length === 0) continue;
      const fixes = curlyQuoteFixes(doc);
      for (const d of syntax) {
        const span = diagnosticSpan(doc, d);
        // The readers' warnings (a file xend reads, but not as meant) stay warnings.
        report({ doc, span, messageId: "syntax", data: { message: d.message }, fix: fixes.get(span.start), ...(d.severity === "error" ? {} : { severity: d.severity }) });
      }
    }
  },
});
