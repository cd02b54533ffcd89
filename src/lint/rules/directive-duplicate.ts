import { xendConfigOf } from "../host-bridges.js";
import { defineRule } from "../rule.js";

/**
 * xend reads a directive with sxp.child_value, which returns the first child of that name
 * (XendOptions.get_config_value @ pre-removal): a later line of the same name is ignored without a word.
 * Usually someone appended the setting they wanted below the stock one. For network-script that means
 * the host's bridges are not the ones the admin wrote, so it is an error when the two differ.
 */
export default defineRule({
  id: "directive-duplicate",
  severity: "warning",
  description: "a xend-config.sxp directive set twice; xend uses the first and ignores the rest",
  messages: {
    duplicate: "'{{name}}' is set again here; xend uses the first one ({{first}}, line {{line}}) and ignores this one{{same}}",
  },
  check: ({ trees, xen, report }) => {
    // With xl nothing reads xend-config.sxp (network-script-ignored says so once).
    if (xen?.xl) return;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      if (!xend) continue;
      const seen = new Map<string, (typeof xend.directives)[number]>();
      for (const d of xend.directives) {
        const first = seen.get(d.name);
        if (!first) {
          seen.set(d.name, d);
          continue;
        }
        const text = (x: typeof d) => {
          const t = xend.slice(x.span).replace(/\s+/g, " ");
          return t.length > 60 ? `${t.slice(0, 57)}…` : t;
        };
        const same = text(first) === text(d);
        report({
          doc: xend,
          span: d.span,
          messageId: "duplicate",
          data: { name: d.name, first: text(first), line: xend.position(first.span.start).line, same: same ? " (the same value: remove this line)" : "" },
          ...(d.name === "network-script" && !same ? { severity: "error" as const } : {}),
        });
      }
    }
  },
});
