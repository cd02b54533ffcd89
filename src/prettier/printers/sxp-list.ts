import { doc, type AstPath, type Doc } from "prettier";
import type { SxpListNode, XenNode } from "../ast.js";
import { danglingComments, openComment } from "./comments.js";

const { group, indent, align, line, hardline } = doc.builders;

/**
 * A directive or a nested list of xend-config.sxp, in the shape xend's own writer (sxp.py `show`) and
 * the stock files use: `(name value ...)` on one line when it fits, closing parentheses together at the
 * end. A list that starts with a name (a directive, `(pci_ids ...)`) breaks after the name with its values
 * indented; a list of data (`('14e4:1644' '14e4:1645')`) keeps its items aligned after the '('.
 * Whitespace between elements is free in sxp.py, so breaking never changes what xend reads. Items never
 * start in column 1: the reader takes a '(' there as the next directive after a missing ')'.
 */
export function printSxpList(path: AstPath<XenNode>, print: (path: AstPath<XenNode>) => Doc): Doc {
  const node = path.node as SxpListNode;
  const items = (path as AstPath<SxpListNode>).map(print as (p: AstPath<unknown>) => Doc, "items");
  const dangling = danglingComments(node.dangling);
  if (items.length === 0) {
    const commented = dangling.length > 0 || node.open.length > 0;
    return ["(", openComment(node.open), indent(dangling), commented ? hardline : "", ")"];
  }
  const first = node.items[0]!;
  const startOnNewLine = node.open.length > 0 || first.leading.length > 0;
  // After a comment only a line break may follow: when the last item ends with one, ')' takes a line of
  // its own (as in the stock xend-pci-quirks.sxp), so the list's own trailing comment cannot join it.
  const close: Doc = dangling.length > 0 || node.items[node.items.length - 1]!.trailing ? [hardline, ")"] : ")";
  if (first.kind === "sxp-atom") {
    const [head, ...rest] = items;
    return group(["(", openComment(node.open), indent([startOnNewLine ? hardline : "", head!, ...rest.map((r) => [line, r]), ...dangling]), close]);
  }
  return group(["(", openComment(node.open), align(1, [startOnNewLine ? hardline : "", ...items.map((r, i) => (i === 0 ? r : [line, r])), ...dangling]), close]);
}
