import type { ConfigDocument } from "../ast/config-document.js";
import type { TextEdit } from "../edit/text-edit.js";
import type { SxpNode } from "../../grammars/sxp/nodes.js";
import type { DomainValue } from "../../grammars/domain/nodes.js";
import { XendConfig } from "../xend/xend-config.js";
import { DomainConfig } from "../domain/domain-config.js";
import { asciiQuoteFor, CURLY_QUOTE_CLASS } from "../../grammars/common/curly-quotes.js";

const CURLY = new RegExp(`^[${CURLY_QUOTE_CLASS}]$`);

/**
 * Start offset → the edits that straighten a string quoted with typographic quotes (‘…’, “…”) pasted
 * from a web page: both quotes become the ASCII quote they stand for, or the other ASCII quote when the
 * text inside already holds that one. Neither xend nor xl reads curly quotes as quotes (the readers report
 * them as syntax errors), so the string never meant anything else; a string holding both ASCII quotes,
 * or a lone curly quote with no partner, is left for a human.
 */
export function curlyQuoteFixes(doc: ConfigDocument): Map<number, TextEdit[]> {
  const out = new Map<number, TextEdit[]>();
  const visit = (span: { start: number; end: number }) => {
    const text = doc.text;
    const open = text[span.start]!;
    const close = text[span.end - 1]!;
    if (span.end - span.start < 2 || !CURLY.test(open) || !CURLY.test(close)) return;
    const body = text.slice(span.start + 1, span.end - 1);
    const preferred = asciiQuoteFor(open);
    const other = preferred === "'" ? '"' : "'";
    const q = !body.includes(preferred) ? preferred : !body.includes(other) ? other : undefined;
    if (!q) return;
    out.set(span.start, [
      { start: span.start, end: span.start + 1, text: q },
      { start: span.end - 1, end: span.end, text: q },
    ]);
  };
  if (doc instanceof XendConfig) {
    const walk = (n: SxpNode): void => {
      if (n.kind === "string" && n.curly) visit(n.span);
      else if (n.kind === "list") n.items.forEach(walk);
    };
    doc.tree.forms.forEach(walk);
  } else if (doc instanceof DomainConfig) {
    const walk = (v: DomainValue): void => {
      if (v.kind === "string" && v.curly && v.terminated) visit(v.span);
      else if (v.kind === "list") v.items.forEach(walk);
    };
    doc.settings.forEach((s) => walk(s.node.value));
  }
  return out;
}
