import { defineRule } from "../rule.js";
import { diagnosticSpan, documentsOf } from "../documents.js";

/**
 * xm executed guest files as Python (Xen's own xmexample2/3 compute names and disks); xl reads only plain
 * assignments. The reader keeps such statements verbatim and says so; here they become findings that an
 * xm-era host can turn off in the config file.
 */
export default defineRule({
  id: "xm-python",
  severity: "warning",
  description: "a guest file statement is Python that only xm ran; xl cannot read it and its value is unknown",
  messages: { python: "{{message}}" },
  check: ({ trees, report }) => {
    for (const doc of documentsOf(trees)) {
      for (const d of doc.diagnostics) {
        if (d.code === "xm-python") report({ doc, span: diagnosticSpan(doc, d), messageId: "python", data: { message: d.message } });
      }
    }
  },
});
