import { createToken, Lexer, type TokenType } from "chevrotain";

// Inside one vif string (xl_parse.c parse_nic_config): entries split on ',', each `key=value` split on
// the first '='. Whitespace around keys and values is trimmed by xl, so it lives inside Text tokens and
// the typed view trims it; values may themselves contain '=' (e.g. some script arguments).
export const Comma = createToken({ name: "Comma", pattern: ",", label: "','" });
export const Equals = createToken({ name: "Equals", pattern: "=", label: "'='" });
export const Text = createToken({ name: "Text", pattern: /[\x00-\x2b\x2d-\x3c\x3e-\uffff]+/, label: "a key or value", line_breaks: true });

export const allTokens: TokenType[] = [Comma, Equals, Text];

let lexer: Lexer | undefined;

// Built on first use, like the parser (index.ts): building analyses every pattern, and a process that
// reads only one kind of file never needs the other grammars (start-up: `xencfg lint one.cfg`).
export function vifLexer(): Lexer {
  return (lexer ??= new Lexer(allTokens, {
    positionTracking: "onlyOffset",
    ensureOptimizations: true,
    skipValidations: process.env.XENCFG_GRAMMAR_VALIDATIONS !== "1",
  }));
}
