import type { IToken, TokenType } from "chevrotain";
import type { GrammarError } from "./grammar-error.js";

/** A token's end offset. Chevrotain tracks only start offsets here ("onlyOffset"), so it is derived. */
export function tokenEnd(t: IToken): number {
  // During grammar recording an OR yields a placeholder without an image.
  return t.startOffset + (t.image?.length ?? 0);
}

/** Whether `offset` is the first character of a line (a byte-order mark before it does not count). */
export function startsLine(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (c !== 0xfeff) return false;
  }
  return true;
}

/** The three quote-trouble token types every grammar lexes, so one function can report them. */
export interface QuoteTokens {
  unterminated: TokenType;
  stray: TokenType;
  curly: TokenType;
}

/** The error a quote-trouble token stands for, or undefined for any other token. */
export function quoteFault(t: IToken, types: QuoteTokens): GrammarError | undefined {
  const type = t.tokenType;
  if (type === types.unterminated) return { start: t.startOffset, end: tokenEnd(t), kind: "unterminated-string", found: t.image[0] };
  if (type === types.stray) return { start: t.startOffset, end: tokenEnd(t), kind: "curly-quote", found: t.image };
  if (type === types.curly) return { start: t.startOffset, end: tokenEnd(t), kind: "curly-quote", found: t.image[0] };
  return undefined;
}
