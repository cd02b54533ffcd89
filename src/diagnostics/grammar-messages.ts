import type { GrammarError } from "../../grammars/common/grammar-error.js";
import { asciiQuoteFor, describeCurlyQuote } from "../../grammars/common/curly-quotes.js";
import { MAX_NESTING } from "../../grammars/common/nesting.js";
import { clip } from "./clip.js";

export type Dialect = "xend" | "xl";

/**
 * Words a grammar fact in the file's own terms: what was expected, what was found, and the fix when the
 * cause is clear. Chevrotain's own wording never reaches the user.
 */
/** Grammar facts that describe a file xend reads, but probably not as meant: warnings, not errors. */
export const GRAMMAR_WARNINGS: ReadonlySet<string> = new Set(["nested-directive"]);


const INVISIBLE: ReadonlyMap<number, string> = new Map([
  [0xfeff, "a byte-order mark, which some editors write at the start of a file; save it without one"],
  [0xa0, "a no-break space, as pasted from a web page; write a plain space"],
]);

export function grammarMessage(e: GrammarError, dialect: Dialect): string {
  const reader = dialect === "xend" ? "xend" : "xl";
  switch (e.kind) {
    case "unexpected-character": {
      const ch = e.found ?? "";
      const code = ch.codePointAt(0) ?? 0;
      const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      // Invisible ones are named: quoting them shows nothing.
      const named = INVISIBLE.get(code);
      if (named) return `unexpected character ${hex} (${named}); ${reader} does not read it as white space`;
      const shown = code < 0x20 || code === 0x7f ? hex : `'${ch}' (${hex})`;
      return `unexpected character ${shown}; ${reader} cannot read it here`;
    }
    case "unterminated-string": {
      const q = e.found ?? "'";
      return dialect === "xend"
        ? `unterminated string: the ${q} is never closed; add the closing ${q}`
        : `unterminated string: the ${q} is not closed on this line; add the closing ${q} (xl strings cannot span lines)`;
    }
    case "curly-quote": {
      const ch = e.found ?? "";
      return `curly quote ${describeCurlyQuote(ch)} is not a quote to ${reader} (pasted from a web page or word processor?); use ${asciiQuoteFor(ch)} or ${asciiQuoteFor(ch) === "'" ? '"' : "'"}`;
    }
    case "unclosed": {
      const open = dialect === "xend" ? "(" : "[";
      const close = dialect === "xend" ? ")" : "]";
      if (e.found === undefined) return `'${open}' is never closed; expected '${close}' before the end of the file`;
      return dialect === "xend"
        ? `'${open}' is never closed; expected '${close}' before the next directive`
        : `'${open}' is never closed; expected '${close}' before the next setting '${e.found}'`;
    }
    case "too-deep":
      return dialect === "xend"
        ? `parentheses nested more than ${MAX_NESTING} deep; xencfg does not read this directive any further (xend's own files nest three deep at most)`
        : `lists nested more than ${MAX_NESTING} deep; xencfg does not read this setting any further (a setting's value is a string, a number or a list of them)`;
    case "nested-directive":
      return `this '(' in the first column is inside another directive, so xend reads it as part of that one and ignores it; is a ')' missing on the line before?`;
    case "extra-close":
      return `unexpected ')' with no matching '('; remove it or add the missing '('`;
    case "unquoted-entry": {
      const found = clip(e.found ?? "");
      const entry = (e.found ?? "").replace(/['"]$/, "");
      // A clipped entry cannot be written back as the fix.
      if (found.clipped) return `expected a quoted vif entry, found ${found.text}${e.opener !== undefined ? " (the opening quote is missing)" : ""}`;
      return e.opener !== undefined
        ? `expected a quoted vif entry, found ${found.text} (the opening quote is missing; write '${entry}')`
        : `expected a quoted vif entry, found ${found.text} (write '${entry}')`;
    }
    case "trailing-input": {
      const found = clip(e.found ?? "").text;
      return dialect === "xend" ? `unexpected '${found}' after the directive` : `unexpected '${found}' after the value; put one setting per line or separate them with ';'`;
    }
    // libxlu_cfg_y.y has no empty list item; the error sits on the extra comma.
    case "empty-item":
      return `expected a value after ',', found another ',' (an empty list item, which xl refuses); remove one comma`;
    case "leading-comma":
      return `expected a value or ']' after '[', found ',' (an empty list item, which xl refuses); remove the comma`;
    case "unexpected-token":
      return unexpectedToken(e, dialect);
    default:
      return `syntax error (${e.kind})`;
  }
}

function unexpectedToken(e: GrammarError, dialect: Dialect): string {
  const found = e.found === undefined ? "the end of the statement" : `'${clip(e.found).text}'`;
  const expected = (e.expected ?? []).filter((x) => x !== "an operator");
  if (e.rule === "value" && e.found === "=") return `expected a value after '=', found another '='`;
  if (e.rule === "value") return `expected a value (a quoted string, a number or a [list]), found ${found}`;
  if (e.rule === "assignment" && dialect === "xl") {
    if (expected.includes("a name")) return `expected a setting name such as memory or vif, found ${found}`;
    return `expected '=' after the setting name, found ${found}`;
  }
  if (e.rule === "list") return `expected ',' or ']' in the list, found ${found}`;
  if (expected.length === 0) return `unexpected ${found}`;
  return `expected ${joinOr(expected)}, found ${found}`;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
