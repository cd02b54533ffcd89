import { createToken, Lexer, type TokenType } from "chevrotain";
import { CURLY_QUOTE_CLASS } from "../common/curly-quotes.js";

// The order of `allTokens` is the lexer's priority: terminated strings before the unterminated fallback,
// curly-quoted strings before the lone curly quote.

// Whitespace is skipped: the text between two tokens' offsets is the trivia, so printing needs no token
// for it (xend-config.sxp is mostly comments and blank space; fewer tokens is the main speed lever).
// Exactly sxp.py's space class (' \t\n\v\f\r'): a no-break space or a byte-order mark between tokens
// makes xend's reader stop with "invalid character", so here they are unexpected characters too.
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: "comments" });
export const LParen = createToken({ name: "LParen", pattern: "(", label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: ")", label: "')'" });

export const StringLiteral = createToken({ name: "StringLiteral", pattern: Lexer.NA, label: "a quoted string" });
// xend's sxp reader (sxp.py) lets a backslash escape any character and lets strings span lines.
// Unrolled (`'[^'\\]*(?:\\[\s\S][^'\\]*)*'` for `'(?:[^'\\]|\\[\s\S])*'`): the same strings, with runs of plain
// characters matched in one step instead of one alternation per character.
export const SqString = createToken({ name: "SqString", pattern: /'[^'\\]*(?:\\[\s\S][^'\\]*)*'/, categories: [StringLiteral], line_breaks: true, label: "a quoted string" });
export const DqString = createToken({ name: "DqString", pattern: /"[^"\\]*(?:\\[\s\S][^"\\]*)*"/, categories: [StringLiteral], line_breaks: true, label: "a quoted string" });
export const CurlyString = createToken({
  name: "CurlyString",
  pattern: new RegExp(`[${CURLY_QUOTE_CLASS}][^${CURLY_QUOTE_CLASS}\\n]*[${CURLY_QUOTE_CLASS}]`),
  categories: [StringLiteral],
  label: "a quoted string",
});
// Only reached when no closing quote exists anywhere after the opener: it runs to the end of the line so
// that the rest of the file is still lexed and checked.
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /['"][^\n]*/, label: "a quoted string" });
export const StrayCurlyQuote = createToken({ name: "StrayCurlyQuote", pattern: new RegExp(`[${CURLY_QUOTE_CLASS}]`), label: "a quote" });
// sxp.py (state_start, state_atom): a word starts with a character that starts nothing else (not white
// space, '#', a parenthesis or a quote) and runs up to white space, '#' or one of its separators
// `{}()<>[]!;`. A quote inside a word is part of it: xend reads `it's` as one word, and `abc'def'` too.
export const Atom = createToken({
  name: "Atom",
  pattern: new RegExp(`[!$-&*-~\\u00a1-\\u00aa\\u00ac-\\u00ba\\u00bc-\\u2017\\u2020-\\u2031\\u2034-\\ufefe\\uff00-\\uffff][^ \\t\\n\\v\\f\\r#{}()<>\\[\\]!;]*`),
  label: "a word",
});

export const allTokens: TokenType[] = [
  WhiteSpace, Comment, LParen, RParen, StringLiteral, SqString, DqString, CurlyString, UnterminatedString, StrayCurlyQuote, Atom,
];

let lexer: Lexer | undefined;

// Built on first use, like the parser (index.ts): building analyses every pattern, and a process that
// reads only one kind of file never needs the other grammars (start-up: `xencfg lint one.cfg`).
export function sxpLexer(): Lexer {
  return (lexer ??= new Lexer(allTokens, {
    positionTracking: "onlyOffset",
    ensureOptimizations: true,
    skipValidations: process.env.XENCFG_GRAMMAR_VALIDATIONS !== "1",
  }));
}
