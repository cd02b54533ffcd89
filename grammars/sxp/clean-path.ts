import type { IToken, TokenType } from "chevrotain";
import type { SxpParser } from "./parser.js";
import { atomNode, stringNode } from "./parser.js";
import { Atom, DqString, LParen, RParen, SqString } from "./tokens.js";
import type { SxpNode, Span } from "./nodes.js";
import type { SxpParseResult } from "./index.js";
import { MAX_NESTING } from "../common/nesting.js";
import { startsLine } from "../common/token-facts.js";

/**
 * The reading of a clean xend-config.sxp: balanced parentheses, no '(' opening a line inside a form, only
 * ASCII outside strings and comments, every string closed. That is nearly every real file, and it needs
 * none of the full path's fault handling, so it runs without the Chevrotain lexer: it scans a run of
 * whole forms at a time into token objects it reuses, and hands each run to the same Chevrotain parser.
 *
 * Why: the full path lexes the whole file first, and its token objects (4.7 MB for a 461 KB file) live
 * until the last form is parsed, so every scavenge in between copies them. Here a run's tokens are reused
 * for the next run, and what survives a scavenge is the tree itself.
 *
 * Returns undefined, having built nothing the caller keeps, at the first sign the full path is needed
 * (any character the lexer would fault or treat specially, an unterminated string, unbalanced
 * parentheses, nesting past MAX_NESTING, a parser error): the full path then reads the file from the
 * start. The output is the full path's, node for node (test/core/sxp-clean-path.test.ts).
 */
export function parseCleanSxp(text: string, parser: SxpParser): SxpParseResult | undefined {
  const forms: SxpNode[] = [];
  const comments: Span[] = [];
  const length = text.length;
  let depth = 0;
  // Tokens of the forms being read, in `pool[0 .. used)`.
  let used = 0;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    if (c === HASH) {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? length : end;
      comments.push({ start: i, end: stop });
      i = stop;
      continue;
    }
    if (c === OPEN) {
      // A '(' opening a line inside a form is the full path's nested-directive finding.
      if (depth > 0 && startsLine(text, i)) return undefined;
      if (++depth > MAX_NESTING) return undefined;
      pooled(used++, "(", i, LParen);
      i++;
      continue;
    }
    if (c === CLOSE) {
      if (depth === 0) return undefined;
      pooled(used++, ")", i, RParen);
      i++;
      if (--depth === 0 && used >= RUN_TOKENS) {
        if (!flush(parser, used, forms)) return undefined;
        used = 0;
      }
      continue;
    }
    let end: number;
    let type: TokenType;
    if (c === SQ || c === DQ) {
      end = stringEnd(text, i, c);
      if (end < 0) return undefined;
      type = c === SQ ? SqString : DqString;
    } else if (isAtomChar(c)) {
      end = i + 1;
      for (; end < length; end++) {
        const d = text.charCodeAt(end);
        if (endsWord(d)) break;
        // Control characters and non-ASCII inside a word are the full path's to judge.
        if (d < 32 || d > 126) return undefined;
      }
      type = Atom;
    } else {
      return undefined;
    }
    const image = text.slice(i, end);
    if (depth === 0) {
      // A word or string outside any form is kept as a form of its own, as the full path does, in order.
      if (used > 0 && !flush(parser, used, forms)) return undefined;
      used = 0;
      const token: IToken = { image, startOffset: i, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken;
      forms.push(type === Atom ? atomNode(token) : stringNode(token));
    } else {
      pooled(used++, image, i, type);
    }
    i = end;
  }
  if (depth !== 0) return undefined;
  if (used > 0 && !flush(parser, used, forms)) return undefined;
  return { file: { kind: "sxp-file", forms, comments, stray: [] }, errors: [] };
}

/**
 * Forms are handed to the parser in runs of about this many tokens: each parser input costs a reset
 * (Chevrotain allocates its stacks afresh) and a copy of the token list, and a run's tokens are few enough
 * to stay in the young generation until the pool reuses them.
 */
const RUN_TOKENS = 2048;

/** Parses the pooled tokens of a run of whole forms onto `forms`; false when the parser objects. */
function flush(parser: SxpParser, used: number, forms: SxpNode[]): boolean {
  parser.input = pool.slice(0, used);
  const nodes = parser.forms();
  if (parser.errors.length > 0) return false;
  for (let k = 0; k < nodes.length; k++) forms.push(nodes[k]!);
  return true;
}

const HASH = 35;
const OPEN = 40;
const CLOSE = 41;
const SQ = 39;
const DQ = 34;
const BACKSLASH = 92;

/** The ASCII characters that start a word (the lexer's Atom pattern): printable, but not quotes, '#', '(' or ')'. */
function isAtomChar(c: number): boolean {
  return c === 33 || (c >= 36 && c <= 38) || (c >= 42 && c <= 126);
}

/** What ends a word in sxp.py: white space, '#' and the separators `{}()<>[]!;` (a quote does not). */
function endsWord(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === HASH || c === OPEN || c === CLOSE || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 33 || c === 59;
}

/** The offset after the quote closing the string opened at `start`, or -1 when none does. */
function stringEnd(text: string, start: number, quote: number): number {
  for (let k = start + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === quote) return k + 1;
    // A backslash escapes any character, a line break included; one at the very end escapes nothing.
    if (c === BACKSLASH) k++;
  }
  return -1;
}

/**
 * The reused tokens, in the shape of the tokens Chevrotain's lexer makes with onlyOffset tracking (the
 * same fields in the same order), so the parser sees one kind of token object from either path.
 */
const pool: IToken[] = [];

function pooled(index: number, image: string, startOffset: number, tokenType: TokenType): void {
  const token = pool[index];
  if (token === undefined) {
    pool.push({ image, startOffset, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType } as IToken);
    return;
  }
  token.image = image;
  token.startOffset = startOffset;
  token.tokenTypeIdx = tokenType.tokenTypeIdx!;
  token.tokenType = tokenType;
}
