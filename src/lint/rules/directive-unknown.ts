import { XEND_DIRECTIVES } from "../directives.js";
import { xendConfigOf } from "../host-bridges.js";
import { nearest } from "../nearest.js";
import { defineRule } from "../rule.js";

/**
 * xend looks each setting up by name (sxp.child_value in XendOptions.py @ pre-removal) and never lists
 * what it did not ask for, so a misspelt directive is silently ignored and the default applies: a typo
 * in `xend-relocation-hosts-allow` opens relocation to every host. The table covers every directive of
 * xend 3.0 to 4.4 (src/lint/directives.ts). Other S-expression files Xen ships (xend-pci-quirks.sxp)
 * are not xend-config and are not checked.
 */
export default defineRule({
  id: "directive-unknown",
  severity: "warning",
  description: "a xend-config.sxp directive no xend (3.0 to 4.4) reads",
  messages: {
    unknown: "no xend (Xen 3.0 to 4.4) reads '{{name}}', so this line has no effect{{hint}}",
  },
  check: ({ trees, xen, report }) => {
    // With xl nothing reads xend-config.sxp (network-script-ignored says so once).
    if (xen?.xl) return;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      if (!xend) continue;
      for (const d of xend.directives) {
        if (XEND_DIRECTIVES.has(d.name)) continue;
        const guess = nearest(d.name, XEND_DIRECTIVES.keys());
        report({ doc: xend, span: d.nameSpan, messageId: "unknown", data: { name: d.name, hint: guess ? ` (did you mean '${guess}'?)` : "" } });
      }
    }
  },
});
