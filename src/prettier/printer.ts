import type { AstPath, Doc, ParserOptions, Printer } from "prettier";
import type { RootNode, XenNode } from "./ast.js";
import type { XenOptions } from "./options.js";
import { printAssignment } from "./printers/assignment.js";
import { withComments } from "./printers/comments.js";
import { printDocument } from "./printers/document.js";
import { printDomainList } from "./printers/domain-list.js";
import { printString } from "./printers/string.js";
import { printSxpList } from "./printers/sxp-list.js";
import { printVerbatim } from "./printers/verbatim.js";

type Options = ParserOptions<XenNode> & Partial<XenOptions>;

/**
 * Dispatches on node kind to the printer of each construct. Every node below the top level prints with
 * its own comments; top-level nodes leave theirs to the document printer, which also handles ignore ranges.
 */
function print(path: AstPath<XenNode>, options: Options, print: (path: AstPath<XenNode>) => Doc): Doc {
  const node = path.node;
  const text = options.originalText;
  if (node.kind === "sxp-file" || node.kind === "domain-file") return printDocument(path, text, print);
  if (node.kind === "comment") return node.text;
  const body = node.ignored ? printVerbatim(text, node.span) : printNode(path, node, options, print);
  const parent = path.parent as XenNode | null;
  return parent && (parent.kind === "sxp-file" || parent.kind === "domain-file") ? body : withComments(node, body);
}

function printNode(path: AstPath<XenNode>, node: Exclude<XenNode, RootNode | { kind: "comment" }>, options: Options, print: (path: AstPath<XenNode>) => Doc): Doc {
  const text = options.originalText;
  switch (node.kind) {
    case "sxp-list":
      return printSxpList(path, print);
    case "domain-list":
      return printDomainList(path, print);
    case "assignment":
      return printAssignment(path, print);
    case "sxp-string":
    case "domain-string":
      return printString(node, text, preferredQuote(path, options));
    case "sxp-atom":
      return node.text;
    case "domain-number":
      return node.raw;
    case "domain-bare":
    case "python":
    case "invalid":
      return printVerbatim(text, node.span);
  }
}

function preferredQuote(path: AstPath<XenNode>, options: Options): "'" | '"' {
  if (options.xenQuote === "single") return "'";
  if (options.xenQuote === "double") return '"';
  return (path.root as RootNode).majorityQuote;
}

const VISITOR_KEYS: Record<XenNode["kind"], string[]> = {
  "sxp-file": ["forms", "dangling"],
  "sxp-list": ["leading", "open", "items", "dangling", "trailing"],
  "sxp-atom": ["leading", "trailing"],
  "sxp-string": ["leading", "trailing"],
  "domain-file": ["statements", "dangling"],
  assignment: ["leading", "value", "trailing"],
  python: ["leading", "trailing"],
  invalid: ["leading", "trailing"],
  "domain-list": ["leading", "open", "items", "dangling", "trailing"],
  "domain-string": ["leading", "trailing"],
  "domain-number": ["leading", "trailing"],
  "domain-bare": ["leading", "trailing"],
  comment: [],
};

export const printer = {
  print,
  // Spans, quotes and blank-line counts are data, not children.
  getVisitorKeys: (node: XenNode) => VISITOR_KEYS[node.kind] ?? [],
} satisfies Printer<XenNode>;

