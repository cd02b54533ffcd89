import { doc, type Doc } from "prettier";
import type { Attached, CommentNode } from "../ast.js";

const { hardline, lineSuffix, breakParent } = doc.builders;

/**
 * A node with its comments where they were: own-line comments above it (a blank line kept where there
 * was one, at most one), the same-line comment after it. The trailing comment is a line suffix, so the
 * ',' or ')' printed after the node still comes before it; it forces the enclosing list to break because
 * nothing may follow a comment on its line.
 */
export function withComments(node: Attached, printed: Doc): Doc {
  const parts: Doc[] = [];
  for (const c of node.leading) parts.push(blankLine(c), c.text, hardline);
  parts.push(blankLine(node), printed);
  if (node.trailing) parts.push(lineSuffix(` ${node.trailing.text}`), breakParent);
  return parts;
}

/** Comments after the last item of a container, each on its own line. */
export function danglingComments(comments: readonly CommentNode[]): Doc[] {
  return comments.map((c) => [hardline, blankLine(c), c.text]);
}

/** The comment on a list's opening line, before its first item: stays on that line. */
export function openComment(comments: readonly CommentNode[]): Doc {
  return comments.length === 0 ? "" : [" ", comments.map((c) => c.text).join(" "), breakParent];
}

function blankLine(n: { blankLinesBefore: number }): Doc {
  return n.blankLinesBefore > 0 ? hardline : "";
}
