import { createTokenInstance, type IRecognitionException, type IToken } from "chevrotain";
import { SxpParser, atomNode, stringNode } from "./parser.js";
import { parseCleanSxp } from "./clean-path.js";
import { sxpLexer, LParen, RParen, StrayCurlyQuote, UnterminatedString, CurlyString, Atom } from "./tokens.js";
import type { SxpFile, SxpNode, Span } from "./nodes.js";
import type { GrammarError } from "../common/grammar-error.js";
import { recognitionError } from "../common/recognition-error.js";
import { lexedFacts } from "../common/lexed.js";
import { MAX_NESTING } from "../common/nesting.js";
import { CURLY_QUOTE_CLASS } from "../common/curly-quotes.js";
import { quoteFault, startsLine, tokenEnd, tokenStart } from "../common/token-facts.js";

export type { SxpFile, SxpNode, SxpList, SxpAtom, SxpString, Span } from "./nodes.js";

// Built on first use (see sxpLexer in tokens.ts): one instance, reused, as Chevrotain wants.
let instance: SxpParser | undefined;

export interface SxpParseResult {
  file: SxpFile;
  errors: GrammarError[];
}

/**
 * Parses S-expression text. Never throws on bad input: every fault is a GrammarError, and the tree still
 * covers every token so the document can be printed and checked.
 */
export function parseSxp(text: string): SxpParseResult {
  return parseCleanSxp(text, (instance ??= new SxpParser())) ?? parseSxpFully(text);
}

/**
 * The full path, for any text: the Chevrotain lexer, then form by form with every fault reported.
 * parseSxp takes it when the clean path (clean-path.ts) declines; its tests call it directly.
 */
export function parseSxpFully(text: string): SxpParseResult {
  const parser = (instance ??= new SxpParser());
  const lexed = sxpLexer().tokenize(text);
  const { errors, comments } = lexedFacts(lexed, text);
  const forms: SxpNode[] = [];
  const stray: Span[] = [];
  const tokens = lexed.tokens;
  // Indexed loops here: this runs once per token, and a for-of allocates an iterator result per token
  // until V8 optimises it, which a one-shot `xencfg parse` never waits for.
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const fault = quoteFault(t, QUOTE_TOKENS);
    if (fault) errors.push(fault);
    // A curly quote, no-break space or byte-order mark inside a word is part of the word to xend
    // (vif-bridge’ names no script): still the paste it was before the word took it in.
    else if (t.tokenType === Atom && PASTED_IN_WORD.test(t.image)) {
      for (let m = 0; m < t.image.length; m++) {
        const ch = t.image[m]!;
        if (!PASTED_IN_WORD.test(ch)) continue;
        const kind = ch === "\u00a0" || ch === "\ufeff" ? "unexpected-character" : "curly-quote";
        errors.push({ start: tokenStart(t) + m, end: tokenStart(t) + m + 1, kind, found: ch });
      }
    }
  }

  // Split into top-level forms by bracket depth. When the parentheses do not balance, a '(' in the first
  // column while a form is still open almost always starts the next directive (continuation lines of
  // multi-line directives are indented in every stock file), so the open form is closed there and
  // reported at its opener, and the rest of the file is still read as directives. When they do balance,
  // the file is read as xend reads it, and such a '(' is only flagged: a ')' is probably misplaced.
  const balanced = parenthesesBalance(tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.tokenType === RParen) {
      errors.push({ start: tokenStart(t), end: tokenStart(t) + 1, kind: "extra-close", found: ")" });
      stray.push({ start: tokenStart(t), end: tokenStart(t) + 1 });
      i++;
      continue;
    }
    if (t.tokenType !== LParen) {
      forms.push(leafNode(t));
      i++;
      continue;
    }
    // A depth count finds the form's end; the unclosed openers are collected only when there are some.
    let depth = 0;
    let tooDeep: IToken | undefined;
    let j = i;
    for (; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.tokenType === LParen) {
        if (depth > 0 && j > i && startsLine(text, tokenStart(u))) {
          if (!balanced) break;
          errors.push({ start: tokenStart(u), end: tokenStart(u) + 1, kind: "nested-directive", opener: tokenStart(t) });
        }
        depth++;
        if (depth > MAX_NESTING) tooDeep ??= u;
      } else if (u.tokenType === RParen) {
        depth--;
        if (depth === 0) {
          j++;
          break;
        }
      }
    }
    let slice = tokens.slice(i, j);
    if (tooDeep) {
      // One finding for the depth, and one for the form left open if it is: not one per '(' of thousands.
      errors.push({ start: tokenStart(tooDeep), end: tokenStart(tooDeep) + 1, kind: "too-deep", opener: tokenStart(t) });
      if (depth > 0) errors.push({ start: tokenStart(t), end: tokenStart(t) + 1, kind: "unclosed", expected: ["')'"], opener: tokenStart(t), found: j < tokens.length ? tokens[j]!.image : undefined });
      forms.push(flatForm(t, slice));
      i = j;
      continue;
    }
    if (depth > 0) {
      const openers = unclosedOpeners(slice);
      const end = slice.length ? tokenEnd(slice[slice.length - 1]!) : tokenStart(t);
      // An unterminated string runs to the end of its line and takes the ')' with it: the string's own
      // error says it, and "'(' is never closed" would be the same cause told first.
      const swallowed = slice.some((u) => u.tokenType === UnterminatedString);
      if (!swallowed) for (let k = openers.length - 1; k >= 0; k--) {
        errors.push({ start: tokenStart(openers[k]!), end: tokenStart(openers[k]!) + 1, kind: "unclosed", expected: ["')'"], opener: tokenStart(openers[k]!), found: j < tokens.length ? tokens[j]!.image : undefined });
      }
      // Zero-width closers let the one grammar rule read the form; `closed: false` keeps the fact.
      slice = slice.concat(openers.map(() => createTokenInstance(RParen, "", end, end, NaN, NaN, NaN, NaN)));
    }
    parser.input = slice;
    const node = parser.form();
    if (parser.errors.length > 0) {
      errors.push(...parser.errors.map((e: IRecognitionException) => recognitionError(e, tokenEnd(slice[slice.length - 1]!))));
      forms.push(flatForm(t, slice));
    } else forms.push(node);
    i = j;
  }
  return { file: { kind: "sxp-file", forms, comments, stray }, errors };
}

/** A form the grammar could not read, kept as its words in one list so the directive still prints and names itself. */
function flatForm(opener: IToken, slice: readonly IToken[]): SxpNode {
  const items = slice.slice(1).filter((u) => u.tokenType !== LParen && u.tokenType !== RParen).map(leafNode);
  return { kind: "list", span: { start: tokenStart(opener), end: tokenEnd(slice[slice.length - 1]!) }, items, closed: false };
}

/** Whether every ')' closes an earlier '(' and every '(' is closed. */
function parenthesesBalance(tokens: readonly IToken[]): boolean {
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const type = tokens[k]!.tokenType;
    if (type === LParen) depth++;
    else if (type === RParen && --depth < 0) return false;
  }
  return depth === 0;
}

/** The '(' tokens of a form cut short, outermost first. */
function unclosedOpeners(slice: readonly IToken[]): IToken[] {
  const openers: IToken[] = [];
  for (const u of slice) {
    if (u.tokenType === LParen) openers.push(u);
    else if (u.tokenType === RParen) openers.pop();
  }
  return openers;
}

function leafNode(t: IToken): SxpNode {
  return t.tokenType === Atom ? atomNode(t) : stringNode(t);
}

const QUOTE_TOKENS = { unterminated: UnterminatedString, stray: StrayCurlyQuote, curly: CurlyString };
const PASTED_IN_WORD = new RegExp(`[${CURLY_QUOTE_CLASS}\\u00a0\\ufeff]`);

export { sxpLexer } from "./tokens.js";
export { SxpParser } from "./parser.js";
