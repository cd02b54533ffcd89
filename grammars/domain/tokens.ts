import { createToken, Lexer, type TokenType } from "chevrotain";
import { CURLY_QUOTE_CLASS } from "../common/curly-quotes.js";

// Tokens of xl's config lexer (tools/libs/util/libxlu_cfg_l.l), widened to also lex the Python that xm
// files contain, so such statements can be kept verbatim and reported instead of failing the file.
// Array order is the lexer's priority.

// Line breaks are skipped with the rest of the white space: the statement splitter finds them in the gap
// between two tokens (newlineBetween in index.ts). A token per line break was a third of all tokens.
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: "comments" });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";", label: "';'" });
export const LBracket = createToken({ name: "LBracket", pattern: "[", label: "'['" });
export const RBracket = createToken({ name: "RBracket", pattern: "]", label: "']'" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "','" });
export const PlusAssign = createToken({ name: "PlusAssign", pattern: "+=", label: "'+='" });
export const PythonOp = createToken({
  name: "PythonOp",
  pattern: /==|!=|<=|>=|\*\*|\/\/|->|[-+*/%<>!&|^~@(){}:.`\\]/,
  label: "an operator",
});
export const Assign = createToken({ name: "Assign", pattern: "=", label: "'='" });

export const StringLiteral = createToken({ name: "StringLiteral", pattern: Lexer.NA, label: "a quoted string" });
// Python's triple-quoted strings span lines; xl has none, so they only ever appear in Python statements.
export const TripleString = createToken({ name: "TripleString", pattern: /'''[\s\S]*?'''|"""[\s\S]*?"""/, line_breaks: true, label: "a quoted string" });
// xl strings stay on one line (libxlu_cfg_l.l); an escaped character is kept for the value to resolve.
// The string patterns are written unrolled, `'[^'\\\n]*(?:\\.[^'\\\n]*)*'` for `'(?:[^'\\\n]|\\.)*'`: the same
// strings, but runs of plain characters match in one step instead of one alternation per character.
export const SqString = createToken({ name: "SqString", pattern: /'[^'\\\n]*(?:\\.[^'\\\n]*)*'/, categories: [StringLiteral], label: "a quoted string" });
export const DqString = createToken({ name: "DqString", pattern: /"[^"\\\n]*(?:\\.[^"\\\n]*)*"/, categories: [StringLiteral], label: "a quoted string" });
export const CurlyString = createToken({
  name: "CurlyString",
  pattern: new RegExp(`[${CURLY_QUOTE_CLASS}][^${CURLY_QUOTE_CLASS}\\n]*[${CURLY_QUOTE_CLASS}]`),
  categories: [StringLiteral],
  label: "a quoted string",
});
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /['"][^\\\n]*(?:\\.[^\\\n]*)*/, label: "a quoted string" });
export const StrayCurlyQuote = createToken({ name: "StrayCurlyQuote", pattern: new RegExp(`[${CURLY_QUOTE_CLASS}]`), label: "a quote" });
// libxlu takes [0-9][0-9a-fx]*; the class is wider so "1.5" or "64k" is one token the value can reject.
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /[0-9][0-9A-Za-z_.]*/, label: "a number" });
// libxlu: [a-z][._0-9a-z]*. Upper case and '_' first are accepted here for Python names; the typed view
// reports them.
export const Name = createToken({ name: "Name", pattern: /[A-Za-z_][A-Za-z0-9_.]*/, label: "a name" });

export const allTokens: TokenType[] = [
  WhiteSpace, Comment, Semicolon, LBracket, RBracket, Comma, PlusAssign, PythonOp, Assign,
  StringLiteral, TripleString, SqString, DqString, CurlyString, UnterminatedString, StrayCurlyQuote,
  NumberLiteral, Name,
];

let lexer: Lexer | undefined;

// Built on first use, like the parser (index.ts): building analyses every pattern, and a process that
// reads only one kind of file never needs the other grammars (start-up: `xencfg lint one.cfg`).
export function domainLexer(): Lexer {
  return (lexer ??= new Lexer(allTokens, {
    positionTracking: "onlyOffset",
    ensureOptimizations: true,
    skipValidations: process.env.XENCFG_GRAMMAR_VALIDATIONS !== "1",
  }));
}
