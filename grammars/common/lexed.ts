import type { ILexingResult } from "chevrotain";
import type { GrammarError } from "./grammar-error.js";
import { tokenEnd, tokenStart } from "./token-facts.js";
import type { Span } from "../sxp/nodes.js";

/** The lexer's own faults as grammar errors, and the comment group as spans: the same for every grammar. */
export function lexedFacts(lexed: ILexingResult, text: string): { errors: GrammarError[]; comments: Span[] } {
  return {
    errors: lexed.errors.map((e) => ({
      start: e.offset,
      end: e.offset + e.length,
      kind: "unexpected-character",
      found: text.slice(e.offset, e.offset + e.length),
    })),
    comments: (lexed.groups.comments ?? []).map((t) => ({ start: tokenStart(t), end: tokenEnd(t) })),
  };
}
