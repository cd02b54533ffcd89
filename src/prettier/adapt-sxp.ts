import type { SxpNode } from "../../grammars/sxp/nodes.js";
import type { XendConfig } from "../xend/xend-config.js";
import type { Attached, SxpFileNode, SxpItemNode, SxpListNode } from "./ast.js";
import { attachComments, unattached, type Container } from "./attach-comments.js";

/** The printable tree of an xend-config.sxp document: its forms with comments attached. */
export function adaptXendConfig(doc: XendConfig): SxpFileNode {
  const forms = doc.tree.forms.map(adaptSxp);
  const root: SxpFileNode = { kind: "sxp-file", span: { start: 0, end: doc.text.length }, forms, dangling: [], majorityQuote: doc.quoteStyle };
  attachComments(doc.text, { openEnd: undefined, children: forms, nested: nestedList, open: [], dangling: root.dangling }, doc.tree.comments);
  return root;
}

function adaptSxp(node: SxpNode): SxpItemNode {
  switch (node.kind) {
    case "list":
      return { kind: "sxp-list", ...unattached(node.span), items: node.items.map(adaptSxp), open: [], dangling: [], closed: node.closed };
    case "atom":
      return { kind: "sxp-atom", ...unattached(node.span), text: node.text };
    case "string":
      return { kind: "sxp-string", ...unattached(node.span), quote: node.quote, curly: node.curly, terminated: true, lowerCase: [] };
  }
}

function nestedList(child: Attached): Container | undefined {
  const node = child as SxpItemNode;
  if (node.kind !== "sxp-list") return undefined;
  const list: SxpListNode = node;
  return { openEnd: list.span.start + 1, children: list.items, nested: nestedList, open: list.open, dangling: list.dangling };
}
