import type { DomainString, DomainValue } from "../../grammars/domain/nodes.js";
import type { Span } from "../ast/config-document.js";
import type { DomainConfig } from "../domain/domain-config.js";
import { VifSpec } from "../domain/vif-spec.js";
import { majorityQuote } from "../edit/quote.js";
import { parseMac } from "../mac/mac-address.js";
import type { Attached, DomainFileNode, DomainListNode, DomainStatementNode, DomainValueNode } from "./ast.js";
import { attachComments, unattached, type Container } from "./attach-comments.js";

/** The printable tree of a guest config: statements with comments attached, vif MACs marked. */
export function adaptDomainConfig(doc: DomainConfig): DomainFileNode {
  const quotes: string[] = [];
  const statements: DomainStatementNode[] = doc.tree.statements.map((st) => {
    if (st.kind !== "assignment") return { kind: st.kind, ...unattached(st.span) };
    const isVif = st.name === "vif";
    const value = adaptValue(doc, st.value, quotes, isVif ? 1 : 0);
    return { kind: "assignment", ...unattached(st.span), name: st.name, op: st.op, value };
  });
  const root: DomainFileNode = {
    kind: "domain-file",
    span: { start: 0, end: doc.text.length },
    statements,
    dangling: [],
    majorityQuote: majorityQuote(quotes),
  };
  attachComments(doc.text, { openEnd: undefined, children: statements, nested: nestedInStatement, open: [], dangling: root.dangling }, doc.tree.comments);
  return root;
}

/**
 * `vifDepth` is 1 while inside a `vif` setting and still at the level where each string is one interface
 * (`vif = 'spec'` or `vif = [ 'spec', ... ]`).
 */
function adaptValue(doc: DomainConfig, node: DomainValue, quotes: string[], vifDepth: number): DomainValueNode {
  switch (node.kind) {
    case "list":
      return {
        kind: "domain-list",
        ...unattached(node.span),
        items: node.items.map((item) => adaptValue(doc, item, quotes, vifDepth === 1 ? 2 : 0)),
        open: [],
        dangling: [],
        closed: node.closed,
      };
    case "string":
      quotes.push(node.quote);
      return {
        kind: "domain-string",
        ...unattached(node.span),
        quote: node.quote,
        curly: node.curly,
        terminated: node.terminated,
        lowerCase: vifDepth > 0 ? macSpans(doc, node) : [],
      };
    case "number":
      return { kind: "domain-number", ...unattached(node.span), raw: node.raw };
    case "bare":
      return { kind: "domain-bare", ...unattached(node.span) };
  }
}

/**
 * The source spans of `mac=` values in a vif spec that are MAC addresses written without escapes. xl
 * reads each octet with strtoul (tools/xl/xl_parse.c parse_nic_config), so the case of the hex digits
 * never reaches the guest and lower-casing them keeps the meaning.
 */
function macSpans(doc: DomainConfig, node: DomainString): Span[] {
  if (node.curly || !node.terminated) return [];
  const rawBody = doc.text.slice(node.span.start + 1, node.span.end - 1);
  const spec = new VifSpec(0, node, node.value, rawBody);
  const out: Span[] = [];
  for (const e of spec.entries) {
    if (e.key !== "mac" || !e.valueSpan) continue;
    const written = doc.slice(e.valueSpan);
    if (!written.includes("\\") && parseMac(written).ok) out.push(e.valueSpan);
  }
  return out;
}

function nestedInStatement(child: Attached): Container | undefined {
  const st = child as DomainStatementNode;
  return st.kind === "assignment" ? nestedValue(st.value) : undefined;
}

function nestedValue(child: Attached): Container | undefined {
  const node = child as DomainValueNode;
  if (node.kind !== "domain-list") return undefined;
  const list: DomainListNode = node;
  return { openEnd: list.span.start + 1, children: list.items, nested: nestedValue, open: list.open, dangling: list.dangling };
}
