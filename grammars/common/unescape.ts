const SIMPLE: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/**
 * Resolves backslash escapes the way xl's lexer does (libxlu_cfg.c: \a \b \f \n \r \t \v, octal \0NN,
 * hex \xHH, anything else stands for itself); xend's sxp reader only knows "anything else stands for
 * itself", which is the same for the escapes real files use (\\ and \').
 */
export function unescapeQuoted(body: string): string {
  if (!body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\" || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[++i]!;
    if (next in SIMPLE) out += SIMPLE[next];
    else if (next === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += "x";
    } else if (next >= "0" && next <= "7") {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))!;
      out += String.fromCharCode(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else out += next;
  }
  return out;
}
