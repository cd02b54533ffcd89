/**
 * Typographic quotes that word processors and web pages substitute for ' and ". Neither xend's reader nor
 * xl's lexer knows them, so both grammars lex them as their own tokens and the documents report them by
 * name instead of failing with "unexpected character".
 */
export const CURLY_QUOTE_CLASS = "\\u2018-\\u201f\\u2032\\u2033\\u00ab\\u00bb";

const NAMES: Record<string, string> = {
  "\u2018": "left single quotation mark",
  "\u2019": "right single quotation mark",
  "\u201a": "single low-9 quotation mark",
  "\u201b": "single high-reversed-9 quotation mark",
  "\u201c": "left double quotation mark",
  "\u201d": "right double quotation mark",
  "\u201e": "double low-9 quotation mark",
  "\u201f": "double high-reversed-9 quotation mark",
  "\u2032": "prime",
  "\u2033": "double prime",
  "\u00ab": "left-pointing double angle quotation mark",
  "\u00bb": "right-pointing double angle quotation mark",
};

/** `‘ (U+2018 left single quotation mark)`: how messages name a curly quote. */
export function describeCurlyQuote(ch: string): string {
  const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return `${ch} (U+${code} ${NAMES[ch] ?? "typographic quote"})`;
}

/** The ASCII quote a curly one stands for: double for the double-quote family, single otherwise. */
export function asciiQuoteFor(ch: string): "'" | '"' {
  return "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb".includes(ch) ? '"' : "'";
}
