import type { IToken, TokenType } from "chevrotain";
import type { GrammarError } from "./grammar-error.js";

// Offsets go through `| 0` on their way into nodes. V8 gives every object literal of one shape (every
// `{ start, end }` span in the process shares one) a field representation, and the first value that is
// not a small integer turns the field into a boxed double for all of them: two extra heap objects per span.
// Chevrotain's createTokenInstance shape holds NaN (its end-of-input token), so even integral offsets read
// from such a token (the recording-phase placeholder, the zero-width closers) arrive boxed.

/** A token's start offset as a small integer (NaN, on Chevrotain's end-of-input token, becomes 0). */
export function tokenStart(t: IToken): number {
  return t.startOffset | 0;
}

/** A token's end offset. Chevrotain tracks only start offsets here ("onlyOffset"), so it is derived. */
export function tokenEnd(t: IToken): number {
  // During grammar recording an OR yields a placeholder without an image.
  return (t.startOffset + (t.image?.length ?? 0)) | 0;
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
