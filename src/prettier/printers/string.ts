import { doc, type Doc } from "prettier";
import type { StringNode } from "../ast.js";
import { lowerCaseMacs } from "./vif-entries.js";
import { printVerbatim } from "./verbatim.js";

/**
 * A quoted string in the file's quote (`preferred`), unless the value holds more of that quote than of
 * the other, where the other needs fewer escapes (Prettier's rule for JavaScript strings). Escapes are
 * kept as written; only a quote that becomes the delimiter gets a backslash. Both xend's reader and xl's
 * lexer read `\'` and `\"` as the quote in either kind of string, so the value never changes.
 */
export function printString(node: StringNode, text: string, preferred: "'" | '"'): Doc {
  if (node.curly || !node.terminated || (node.quote !== "'" && node.quote !== '"')) return printVerbatim(text, node.span);
  const bodyStart = node.span.start + 1;
  let body = text.slice(bodyStart, node.span.end - 1);
  if (node.lowerCase.length > 0) body = lowerCaseMacs(body, bodyStart, node.lowerCase);
  const quote = chooseQuote(body, preferred);
  const printed = quote + requote(body, node.quote, quote) + quote;
  // xend's strings may span lines (sxp.py reads to the closing quote); their line breaks are content,
  // printed literally, and need not break the list around them.
  return printed.includes("\n") ? doc.builders.join(doc.builders.literallineWithoutBreakParent, printed.split("\n")) : printed;
}

function chooseQuote(body: string, preferred: "'" | '"'): "'" | '"' {
  const other = preferred === "'" ? '"' : "'";
  let p = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "\\") i++;
    else if (ch === preferred) p++;
    else if (ch === other) o++;
  }
  return p > o ? other : preferred;
}

/** The body rewritten for the new quote: escaped characters stay escaped, a bare new quote is escaped. */
function requote(body: string, from: string, to: string): string {
  if (from === to) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "\\") {
      out += ch + (body[i + 1] ?? "");
      i++;
    } else out += ch === to ? `\\${ch}` : ch;
  }
  return out;
}

