const SIMPLE: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** The characters xl's dequote takes after a backslash (libxlu_cfg.c): the quotes, the backslash, SIMPLE's letters and the numeric \x and \0-\7; any other is an error to xl. */
export const XL_ESCAPED_CHARS = `"'\\${Object.keys(SIMPLE).join("")}x01234567`;

/**
 * Resolves backslash escapes the way xl's lexer does (libxlu_cfg.c: \a \b \f \n \r \t \v, octal \0NN,
 * hex \xHH, anything else stands for itself); for the escapes real xend files use (\\ and \') xend's
 * sxp reader agrees.
 */
export function unescapeQuoted(body: string): string {
  return body.includes("\\") ? unescapeInto(body, undefined) : body;
}

/**
 * The unescaped value and, for each of its characters, the offset in `body` where it was written
 * (plus one final entry for the end), so spans inside a value map back to the source.
 */
export function unescapeWithOffsets(body: string): { value: string; offsets: number[] } {
  const offsets: number[] = [];
  const value = unescapeInto(body, offsets);
  return { value, offsets };
}

// The text between escapes is copied as whole runs and joined once: appending character by character
// leaves a chain of one cons string per character, which a parsed document would keep for its lifetime.
function unescapeInto(body: string, offsets: number[] | undefined): string {
  const parts: string[] = [];
  let run = 0;
  for (let i = 0; i < body.length; i++) {
    const start = i;
    if (body.charCodeAt(i) !== 92 || i + 1 >= body.length) {
      offsets?.push(start);
      continue;
    }
    parts.push(body.slice(run, i));
    const next = body[++i]!;
    let out: string;
    if (next in SIMPLE) out = SIMPLE[next]!;
    else if (next === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1));
      if (m) {
        out = String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out = "x";
    } else if (next >= "0" && next <= "7") {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))!;
      out = String.fromCharCode(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else out = next;
    parts.push(out);
    offsets?.push(start);
    run = i + 1;
  }
  parts.push(body.slice(run));
  offsets?.push(body.length);
  return parts.join("");
}
