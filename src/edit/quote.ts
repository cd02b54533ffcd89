/**
 * Quotes a value for a config string in the given quote style. Both xl and xend read a backslash as
 * escaping the next character, so the quote and the backslash itself are escaped and nothing else.
 */
export function quoteConfigString(value: string, quote: "'" | '"'): string {
  if (/[\n\r]/.test(value)) throw new RangeError("config strings cannot contain line breaks");
  return quote + value.replace(/\\/g, "\\\\").replace(quote === "'" ? /'/g : /"/g, `\\${quote}`) + quote;
}

/** The text to put between the quotes of an existing string for `value`. */
export function escapeForQuote(value: string, quote: string): string {
  if (/[\n\r]/.test(value)) throw new RangeError("config strings cannot contain line breaks");
  const q = quote === '"' ? '"' : "'";
  return value.replace(/\\/g, "\\\\").replace(q === "'" ? /'/g : /"/g, `\\${q}`);
}

/** The quote most strings of a file use ('  when there are none or it is a tie). */
export function majorityQuote(quotes: Iterable<string>): "'" | '"' {
  let single = 0;
  let double = 0;
  for (const q of quotes) {
    if (q === "'") single++;
    else if (q === '"') double++;
  }
  return double > single ? '"' : "'";
}
