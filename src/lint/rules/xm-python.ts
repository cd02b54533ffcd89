import { defineRule } from "../rule.js";
import { diagnosticSpan, documentsOf } from "../documents.js";
import type { ConfigDocument } from "../../ast/config-document.js";

/**
 * xm executed guest files as Python (Xen's own xmexample2/3 compute names and disks); xl reads only plain
 * assignments. The reader keeps such statements verbatim and says so; here they become findings that an
 * xm-era host can turn off in the config file. Where xl is the toolstack (`--xen xl`, Xen 4.5 and later)
 * they are errors: any of `+ - . ( ) :` outside a string is a lexical error to xl (libxlu_cfg_l.l sets
 * likely_python and fails), so `xl create` refuses the whole file. That is also what an unquoted value
 * such as `kernel = /boot/vmlinuz-2.6-xen` or `name = web-01` comes to, which the reader cannot tell
 * from Python.
 */
export default defineRule({
  id: "xm-python",
  severity: "warning",
  description: "a guest file statement is Python that only xm ran; xl cannot read it and its value is unknown",
  messages: { python: "{{message}}" },
  check: ({ trees, xen, report }) => {
    const xl = xen?.xl === true;
    // xl.conf is read by xl alone, whatever the version.
    const xlConfs = new Set<ConfigDocument | undefined>(trees.map((t) => t.xlConf));
    for (const doc of documentsOf(trees)) {
      for (const d of doc.diagnostics) {
        if (d.code !== "xm-python") continue;
        const byXl = xl || xlConfs.has(doc);
        report({ doc, span: diagnosticSpan(doc, d), messageId: "python", data: { message: d.message }, ...(byXl ? { severity: "error" as const } : {}) });
      }
    }
  },
});
