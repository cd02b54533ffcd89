/** Replace `text.slice(start, end)` with `text`; an insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping edits to a text. Everything outside the edited spans is copied unchanged, which
 * is what keeps comments, spacing and quote style of untouched lines byte for byte.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) throw new RangeError(`overlapping or out-of-range edit at ${e.start}-${e.end}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * The span of a statement's whole line(s) when the statement stands alone on them (trailing comment
 * included), so removing it leaves no blank line; otherwise just the statement.
 */
export function lineSpanOf(text: string, start: number, end: number): { start: number; end: number } {
  let ls = start;
  while (ls > 0 && text[ls - 1] !== "\n") ls--;
  if (text.slice(ls, start).trim() !== "") return { start, end };
  let le = end;
  while (le < text.length && text[le] !== "\n") le++;
  const rest = text.slice(end, le).trim();
  if (rest !== "" && !rest.startsWith("#") && rest !== ";") return { start, end };
  return { start: ls, end: le < text.length ? le + 1 : le };
}

/** The line break the file uses, for inserted lines. */
export function lineBreakOf(text: string): string {
  const i = text.indexOf("\n");
  return i > 0 && text[i - 1] === "\r" ? "\r\n" : "\n";
}

/** An insertion at the end of the file as a line of its own. */
export function appendLine(text: string, line: string): TextEdit {
  const nl = lineBreakOf(text);
  const needsBreak = text.length > 0 && !text.endsWith("\n");
  return { start: text.length, end: text.length, text: `${needsBreak ? nl : ""}${line}${nl}` };
}
