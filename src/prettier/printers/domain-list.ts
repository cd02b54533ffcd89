import { doc, type AstPath, type Doc } from "prettier";
import type { DomainListNode, XenNode } from "../ast.js";
import { danglingComments, openComment } from "./comments.js";

const { group, indent, line, hardline, ifBreak } = doc.builders;

/**
 * An xl list (`vif`, `disk`, `pci`, ...): `[ 'a', 'b' ]` on one line when it fits, else one entry per
 * line with a trailing comma. libxlu's grammar (libxlu_cfg_y.y) allows newlines after '[', after each
 * value and after each comma, and a comma before ']', so neither form changes the list. Entries are
 * indented, so no entry line can be read as the next `name =` statement.
 */
export function printDomainList(path: AstPath<XenNode>, print: (path: AstPath<XenNode>) => Doc): Doc {
  const node = path.node as DomainListNode;
  const items = (path as AstPath<DomainListNode>).map(print as (p: AstPath<unknown>) => Doc, "items");
  const dangling = danglingComments(node.dangling);
  if (items.length === 0) return dangling.length === 0 && node.open.length === 0 ? "[]" : ["[", openComment(node.open), indent(dangling), hardline, "]"];
  return group([
    "[",
    openComment(node.open),
    indent([line, ...items.map((item, i) => (i === 0 ? item : [",", line, item])), ifBreak(","), ...dangling]),
    line,
    "]",
  ]);
}
