import { doc, type AstPath, type Doc } from "prettier";
import type { Attached, CommentNode, RootNode, XenNode } from "../ast.js";
import { withComments } from "./comments.js";
import { printVerbatim } from "./verbatim.js";

const { hardline } = doc.builders;

const RANGE_START = /^#\s*prettier-ignore-start\s*$/;
const RANGE_END = /^#\s*prettier-ignore-end\s*$/;

/**
 * A whole file: one directive or setting per line, at most one blank line in a row, none at the start,
 * one line break at the end. Between `# prettier-ignore-start` and `# prettier-ignore-end` (own-line
 * comments at the top level) the text is kept as written.
 */
export function printDocument(path: AstPath<XenNode>, text: string, print: (path: AstPath<XenNode>) => Doc): Doc {
  const root = path.node as RootNode;
  const key = root.kind === "sxp-file" ? "forms" : "statements";
  const children: Attached[] = root.kind === "sxp-file" ? root.forms : root.statements;
  const printed = (path as AstPath<RootNode>).map(print as (p: AstPath<unknown>) => Doc, key as never) as Doc[];

  // Top-level elements in source order: own-line comments and children (whose print holds their
  // trailing comment). Leading comments are split out here so that ignore ranges can span them.
  type Element = { comment: CommentNode } | { child: number };
  const elements: Element[] = [];
  children.forEach((child, i) => {
    for (const comment of child.leading) elements.push({ comment });
    elements.push({ child: i });
  });
  for (const comment of root.dangling) elements.push({ comment });

  const out: Doc[] = [];
  const separate = (blankLinesBefore: number) => {
    if (out.length > 0) out.push(hardline, blankLinesBefore > 0 ? hardline : "");
  };
  for (let e = 0; e < elements.length; e++) {
    const el = elements[e]!;
    if ("comment" in el) {
      separate(el.comment.blankLinesBefore);
      if (RANGE_START.test(el.comment.text)) {
        const end = findRangeEnd(elements, e, children);
        out.push(printVerbatim(text, { start: el.comment.span.start, end: end.offset }));
        e = end.index;
        continue;
      }
      out.push(el.comment.text);
      continue;
    }
    const child = children[el.child]!;
    separate(child.blankLinesBefore);
    // Top-level children print without their comments (printer.ts); leading ones were printed above.
    out.push(withComments({ ...child, leading: [], blankLinesBefore: 0 }, printed[el.child]!));
  }
  if (out.length > 0) out.push(hardline);
  return out;
}

/**
 * The element closing the ignore range opened by `elements[start]` (or the file's last element, or the
 * start comment itself when nothing follows it), and where its text ends.
 */
function findRangeEnd(elements: readonly ({ comment: CommentNode } | { child: number })[], start: number, children: readonly Attached[]): { index: number; offset: number } {
  let last = { index: start, offset: (elements[start] as { comment: CommentNode }).comment.span.end };
  for (let e = start + 1; e < elements.length; e++) {
    const el = elements[e]!;
    if ("comment" in el) {
      last = { index: e, offset: el.comment.span.end };
      if (RANGE_END.test(el.comment.text)) return last;
    } else {
      const child = children[el.child]!;
      last = { index: e, offset: child.trailing ? child.trailing.span.end : child.span.end };
    }
  }
  return last;
}

