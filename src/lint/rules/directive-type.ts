import type { SxpNode } from "../../../grammars/sxp/nodes.js";
import { XEND_DIRECTIVES, isXendBool, isXendInt } from "../directives.js";
import { xendConfigOf } from "../host-bridges.js";
import { defineRule } from "../rule.js";

/**
 * xend reads booleans with get_config_bool (yes/no, y/n, on/off, true/false, 1/0, any case) and numbers
 * with get_config_int (Python's int()); anything else raises "invalid xend config NAME: expected bool"
 * (or "expected int") when xend reads it, which for the servers and dom0 settings is at start-up: xend
 * does not start. `xen-api-server` is a list of listeners such as `((unix))`. Only the first directive of
 * a name is read, so only it is checked.
 */
export default defineRule({
  id: "directive-type",
  severity: "error",
  description: "a xend-config.sxp value that is not the number or yes/no the directive requires",
  messages: {
    bool: "'{{name}}' takes yes or no; xend stops with \"invalid xend config {{name}}: expected bool: {{value}}\"",
    int: "'{{name}}' takes a whole number; xend stops with \"invalid xend config {{name}}: expected int: {{value}}\"",
    list: "'{{name}}' takes a list of listeners such as ((unix)) or ((9363 pam '^localhost$')), not '{{value}}'",
  },
  check: ({ trees, xen, report }) => {
    // With xl nothing reads xend-config.sxp (network-script-ignored says so once).
    if (xen?.xl) return;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      if (!xend) continue;
      const seen = new Set<string>();
      for (const d of xend.directives) {
        if (seen.has(d.name)) continue;
        seen.add(d.name);
        const type = XEND_DIRECTIVES.get(d.name)?.type;
        const v = d.args[0];
        if (!v || !type) continue;
        const text = scalar(v);
        const bad = type === "bool" ? text === undefined || !isXendBool(text)
          : type === "int" ? text === undefined || !isXendInt(text)
          : type === "list" ? v.kind !== "list"
          : false;
        if (bad) report({ doc: xend, span: v.span, messageId: type, data: { name: d.name, value: xend.slice(v.span) } });
      }
    }
  },
});

function scalar(n: SxpNode): string | undefined {
  return n.kind === "atom" ? n.text : n.kind === "string" ? n.value : undefined;
}
