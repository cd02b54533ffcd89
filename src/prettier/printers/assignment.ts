import type { AstPath, Doc } from "prettier";
import type { AssignmentNode, XenNode } from "../ast.js";

/**
 * `name = value` with single spaces, one setting per line. A `;` between settings on one line (libxlu
 * accepts it as a terminator) becomes a line break, which it also accepts.
 */
export function printAssignment(path: AstPath<XenNode>, print: (path: AstPath<XenNode>) => Doc): Doc {
  const node = path.node as AssignmentNode;
  return [node.name, " ", node.op, " ", (path as AstPath<AssignmentNode>).call(print as (p: AstPath<unknown>) => Doc, "value")];
}
