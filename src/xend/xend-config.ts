import { parseSxp } from "../../grammars/sxp/index.js";
import type { SxpAtom, SxpFile, SxpList, SxpNode } from "../../grammars/sxp/nodes.js";
import { ConfigDocument, type ParseOptions, type Span } from "../ast/config-document.js";
import { GRAMMAR_WARNINGS, grammarMessage } from "../diagnostics/grammar-messages.js";
import { decomposeScriptCall, type ScriptCall } from "./script-call.js";
import { sxpValue, type SxpValue } from "./sxp-value.js";
import { applyTextEdits, appendLine, lineBreakOf, lineSpanOf, type TextEdit } from "../edit/text-edit.js";
import { majorityQuote, quoteConfigString } from "../edit/quote.js";

/** One `(name value ...)` form of xend-config.sxp. */
export interface XendDirective {
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
  /** The values after the name, as nodes. */
  readonly args: SxpNode[];
  /** The typed value: the single value, or all of them as a list when there are several. */
  readonly value: SxpValue | undefined;
  readonly node: SxpList;
}

const NOT_YET = Symbol("not yet typed");

// Reads through to its form, and types the value on first use: a large file has ten thousand directives,
// and copying each form's fields and values up front was a tenth of parsing it.
class FormDirective implements XendDirective {
  #value: SxpValue | undefined | typeof NOT_YET = NOT_YET;

  constructor(
    readonly node: SxpList,
    private readonly head: SxpAtom,
  ) {}

  get name(): string {
    return this.head.text;
  }

  get nameSpan(): Span {
    return this.head.span;
  }

  get span(): Span {
    return this.node.span;
  }

  get args(): SxpNode[] {
    return this.node.items.slice(1);
  }

  get value(): SxpValue | undefined {
    if (this.#value === NOT_YET) {
      const items = this.node.items;
      this.#value = items.length === 1 ? undefined : items.length === 2 ? sxpValue(items[1]!) : items.slice(1).map(sxpValue);
    }
    return this.#value;
  }

  /** The fields as they read: JSON output keeps the shape a directive had as a plain object. */
  toJSON(): object {
    return { name: this.name, nameSpan: this.nameSpan, span: this.span, args: this.args, value: this.value, node: this.node };
  }
}

/**
 * xend-config.sxp (or any S-expression file Xen ships, such as xend-pci-quirks.sxp) as a typed,
 * losslessly printable document. Immutable: edits return a new document.
 */
export class XendConfig extends ConfigDocument {
  readonly kind = "xend" as const;
  readonly tree: SxpFile;
  readonly directives: XendDirective[] = [];

  constructor(text: string, options: ParseOptions = {}) {
    super(text, options);
    const { file, errors } = parseSxp(text);
    this.tree = file;
    for (const e of errors) this.report(e, GRAMMAR_WARNINGS.has(e.kind) ? "warning" : "error", "syntax", grammarMessage(e, "xend"));
    for (const form of file.forms) {
      const head = form.kind === "list" ? form.items[0] : undefined;
      if (form.kind !== "list" || !head || head.kind !== "atom") {
        // A form the grammar could not close or read has its error already; a second one about its
        // head would only repeat the cause.
        if (form.kind === "list" && !form.closed) continue;
        if (form.kind !== "list") this.report(form.span, "error", "syntax", `expected '(' to start a directive, found ${this.slice(form.span).slice(0, 40)}`);
        else if (!head) this.report(form.span, "error", "syntax", "empty directive '()'; expected a name such as (network-script ...)");
        else this.report(head.span, "error", "syntax", "a directive starts with its name, not with a string or list");
        continue;
      }
      this.directives.push(new FormDirective(form, head));
    }
    this.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** The directive xend uses: the first of that name (sxp.py child_value returns the first match). */
  directive(name: string): XendDirective | undefined {
    return this.directives.find((d) => d.name === name);
  }

  directivesNamed(name: string): XendDirective[] {
    return this.directives.filter((d) => d.name === name);
  }

  /** The script xend runs to set up networking, with its arguments. */
  get networkScript(): ScriptCall | undefined {
    const d = this.directive("network-script");
    return d ? decomposeScriptCall(d.args) : undefined;
  }

  /** The script xend runs for each guest interface. */
  get vifScript(): ScriptCall | undefined {
    const d = this.directive("vif-script");
    return d ? decomposeScriptCall(d.args) : undefined;
  }

  /** The quote style most of this file's strings use, for values xencfg writes. */
  get quoteStyle(): "'" | '"' {
    const quotes: string[] = [];
    const walk = (n: SxpNode): void => {
      if (n.kind === "string") quotes.push(n.quote);
      else if (n.kind === "list") n.items.forEach(walk);
    };
    this.tree.forms.forEach(walk);
    return majorityQuote(quotes);
  }

  // ---- edits: each returns a new document; untouched bytes stay as they were ----

  withEdits(edits: readonly TextEdit[]): XendConfig {
    return new XendConfig(applyTextEdits(this.text, edits), { file: this.file });
  }

  /**
   * Sets the values of the directive xend uses to `valueSource` (S-expression text, e.g. `yes`, `8000`
   * or `'network-bridge netdev=eth1'`). A missing directive is added as a line after the last one.
   */
  setDirective(name: string, valueSource: string): XendConfig {
    return this.withEdits([this.setDirectiveEdit(name, valueSource)]);
  }

  setDirectiveEdit(name: string, valueSource: string): TextEdit {
    const d = this.directive(name);
    if (d) {
      const first = d.args[0];
      const last = d.args[d.args.length - 1];
      if (first && last) return { start: first.span.start, end: last.span.end, text: valueSource };
      return { start: d.nameSpan.end, end: d.nameSpan.end, text: ` ${valueSource}` };
    }
    const line = `(${name} ${valueSource})`;
    const lastDirective = this.directives[this.directives.length - 1];
    if (!lastDirective) return appendLine(this.text, line);
    const after = lineSpanOf(this.text, lastDirective.span.start, lastDirective.span.end);
    const at = after.end > lastDirective.span.end ? after.end : lastDirective.span.end;
    const nl = lineBreakOf(this.text);
    return at === lastDirective.span.end || !this.text.slice(0, at).endsWith("\n")
      ? { start: at, end: at, text: `${nl}${line}` }
      : { start: at, end: at, text: `${line}${nl}` };
  }

  /**
   * Removes every directive of a name (each whole line when it stands alone), as `removeSetting` removes
   * every assignment of a guest setting. xend uses the first and ignores later duplicates, so removing only
   * the first would put a shadowed duplicate into effect.
   */
  removeDirective(name: string): XendConfig {
    // Top-level forms never overlap, and a line span only widens over blanks and a trailing comment.
    const edits = this.directivesNamed(name).map((d) => ({ ...lineSpanOf(this.text, d.span.start, d.span.end), text: "" }));
    return edits.length ? this.withEdits(edits) : this;
  }

  /**
   * Sets `network-script` or `vif-script` to a script and its arguments, written the way xend reads them:
   * a bare name without arguments, one quoted string with them.
   */
  setScriptCall(directive: "network-script" | "vif-script", script: string, args: readonly (readonly [string, string])[] = []): XendConfig {
    return this.withEdits([this.setDirectiveEdit(directive, scriptCallSource(script, args, this.quoteStyle))]);
  }

  toJSON(): object {
    const pos = (s: Span) => this.position(s.start);
    const call = (c: ScriptCall | undefined) => c && { script: c.script, args: Object.fromEntries(c.args.map((a) => [a.key, a.value ?? true])), quoted: c.quoted, ignored: c.ignored.map((n) => this.slice(n.span)) };
    return {
      kind: this.kind,
      file: this.file,
      directives: this.directives.map((d) => ({ name: d.name, value: d.value ?? null, ...pos(d.span) })),
      networkScript: call(this.networkScript) ?? null,
      vifScript: call(this.vifScript) ?? null,
      diagnostics: this.diagnostics,
    };
  }
}

export function scriptCallSource(script: string, args: readonly (readonly [string, string])[], quote: "'" | '"'): string {
  if (/[\s()'"#]/.test(script) || script === "") throw new RangeError(`not a script name: ${JSON.stringify(script)}`);
  if (args.length === 0) return script;
  for (const [k, v] of args) if (/[\s=]/.test(k) || /\s/.test(v)) throw new RangeError(`script argument cannot contain spaces: ${k}=${v}`);
  return quoteConfigString([script, ...args.map(([k, v]) => `${k}=${v}`)].join(" "), quote);
}

export function parseXendConfig(text: string, options: ParseOptions = {}): XendConfig {
  return new XendConfig(text, options);
}
