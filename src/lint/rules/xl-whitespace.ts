import type { IToken } from "chevrotain";
import { domainLexer } from "../../../grammars/domain/tokens.js";
import { tokenEnd, tokenStart } from "../../../grammars/common/token-facts.js";
import type { TextEdit } from "../../edit/text-edit.js";
import { defineRule } from "../rule.js";

/**
 * xl's lexer (tools/libs/util/libxlu_cfg_l.l; tools/libxl/libxlu_cfg_l.l in older releases) skips only
 * space and tab, and a line ends at LF. Any other character outside a string or comment falls to its `.`
 * rule, a lexical error that makes `xl create` refuse the whole file. xencfg's lexer
 * (grammars/domain/tokens.ts) also skips CR, form feed, vertical tab and U+FEFF, and xm's Python reads
 * CRLF line ends and a leading byte-order mark, so a guest saved by a Windows editor works on an xm host
 * and not at all with xl. Inside comments and strings xl takes these characters as they are, so they are
 * left there.
 *
 * Guest files and xl.conf (the same lexer reads it, for every xl command); not xend-config.sxp: xend's sxp
 * reader takes a CR for white space.
 */
export default defineRule({
  id: "xl-whitespace",
  severity: "warning",
  description: "white space xl refuses in a guest file outside strings and comments: CRLF line ends, a byte-order mark, a form feed or vertical tab",
  fixable: true,
  messages: {
    stray: "xl refuses this file (a lexical error): outside strings and comments it reads only spaces, tabs and LF line ends, found {{found}}{{more}}{{hint}}",
  },
  check: ({ guests, trees, xen, report }) => {
    // xl.conf goes through the same lexer, and xl reads it for every command.
    const xlConfs = trees.flatMap((t) => (t.xlConf ? [t.xlConf] : []));
    for (const guest of [...guests.map((g) => g.guest), ...xlConfs]) {
      const stray = strayWhitespace(guest.text);
      if (!stray) continue;
      const first = stray.chars[0]!;
      report({
        doc: guest,
        span: { start: first, end: first + 1 },
        messageId: "stray",
        data: { found: describe(guest.text, first), more: rest(guest.text, stray.chars.slice(1)), hint: xen?.xl && !stray.edits ? NO_FIX : "" },
        // xm reads such a file as it is: only where xl is the toolstack is rewriting its line ends a fix
        // rather than churn on every line.
        ...(xen?.xl ? { severity: "error" as const, ...(stray.edits ? { fix: stray.edits } : {}) } : {}),
      });
    }
  },
});

const NO_FIX = " (not fixed automatically: a CR between two words may be meant as a line break or as a space; replace each with what was meant)";

// What xencfg skips as white space and xl does not ([ \t] and \n are common to both).
const STRAY = /[\r\f\v\ufeff]/;
const isStray = (c: number) => c === 13 || c === 12 || c === 11 || c === 0xfeff;
const isWhite = (c: number) => c === 32 || c === 9 || c === 10 || isStray(c);

interface Stray {
  /** Offsets of every stray character outside tokens, in order. */
  chars: number[];
  /** The edits removing them, or undefined when one of them cannot be removed safely. */
  edits: TextEdit[] | undefined;
}

/**
 * The stray characters in the gaps between tokens (comments and strings are tokens, so what they hold is
 * not looked at), and edits that remove them. The edits never change the token stream: a gap left empty
 * between two tokens gets a space instead, so `memory\f=` stays two tokens. A lone CR there is the one
 * exception: in a file with old Mac line ends it is a line break, and neither a space nor an LF is a safe
 * guess, so the file gets no fix.
 */
function strayWhitespace(text: string): Stray | undefined {
  // Almost every guest has none: this test is all such a file costs.
  if (!STRAY.test(text)) return undefined;
  const lexed = domainLexer().tokenize(text);
  const tokens = mergeByOffset(lexed.tokens, lexed.groups.comments ?? []);
  const chars: number[] = [];
  let edits: TextEdit[] | undefined = [];
  let at = 0;
  for (let k = 0; k <= tokens.length; k++) {
    const next = k < tokens.length ? tokenStart(tokens[k]!) : text.length;
    // A gap also holds what the lexer could not read (it resumes at white space): runs of white space
    // are taken one at a time.
    let i = at;
    while (i < next) {
      if (!isWhite(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < next && isWhite(text.charCodeAt(j))) j++;
      const found: number[] = [];
      for (let m = i; m < j; m++) if (isStray(text.charCodeAt(m))) found.push(m);
      if (found.length > 0) {
        chars.push(...found);
        const between = i > 0 && j < text.length;
        if (edits && found.length === j - i && between) {
          if (found.some((m) => text.charCodeAt(m) === 13)) edits = undefined;
          else edits.push({ start: i, end: j, text: " " });
        } else if (edits) for (const m of found) edits.push({ start: m, end: m + 1, text: "" });
      }
      i = j;
    }
    if (k < tokens.length) at = tokenEnd(tokens[k]!);
  }
  return chars.length === 0 ? undefined : { chars, edits };
}

function mergeByOffset(a: IToken[], b: IToken[]): IToken[] {
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.startOffset - y.startOffset);
}

function describe(text: string, at: number): string {
  switch (text.charCodeAt(at)) {
    case 13:
      return text.charCodeAt(at + 1) === 10 ? "the CR of a CRLF line end" : "a CR that is not followed by LF";
    case 12:
      return "a form feed";
    case 11:
      return "a vertical tab";
    default:
      return at === 0 ? "a UTF-8 byte-order mark at the start of the file" : "a U+FEFF (zero-width no-break space, a byte-order mark out of place)";
  }
}

const KINDS: readonly { code: number; one: string; many: string }[] = [
  { code: 13, one: "CR", many: "CRs" },
  { code: 0xfeff, one: "U+FEFF", many: "U+FEFFs" },
  { code: 12, one: "form feed", many: "form feeds" },
  { code: 11, one: "vertical tab", many: "vertical tabs" },
];

/** `, and 2 more CRs` or `, and 4 more (2 CRs, 1 form feed, 1 vertical tab)`: one finding stands for all. */
function rest(text: string, chars: readonly number[]): string {
  if (chars.length === 0) return "";
  const counts = KINDS.map((k) => ({ k, n: chars.filter((m) => text.charCodeAt(m) === k.code).length })).filter((c) => c.n > 0);
  if (counts.length === 1) return `, and ${chars.length} more ${chars.length === 1 ? counts[0]!.k.one : counts[0]!.k.many}`;
  return `, and ${chars.length} more (${counts.map((c) => `${c.n} ${c.n === 1 ? c.k.one : c.k.many}`).join(", ")})`;
}
