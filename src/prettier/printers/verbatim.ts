import { doc, type Doc } from "prettier";
import type { Span } from "../../ast/config-document.js";

const { replaceEndOfLine } = doc.utils;

/**
 * A node's source text as written: xm Python statements (xencfg does not format Python), statements that
 * failed to parse, and anything after `# prettier-ignore`. Line breaks inside are literal, so lines keep
 * their own indentation.
 */
export function printVerbatim(text: string, span: Span): Doc {
  return replaceEndOfLine(text.slice(span.start, span.end));
}
