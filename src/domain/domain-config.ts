import { parseDomain } from "../../grammars/domain/index.js";
import type { DomainAssignment, DomainFile, DomainList, DomainPython, DomainString, DomainValue } from "../../grammars/domain/nodes.js";
import { XL_ESCAPED_CHARS } from "../../grammars/common/unescape.js";
import { ConfigDocument, type ParseOptions, type Span } from "../ast/config-document.js";
import { grammarMessage } from "../diagnostics/grammar-messages.js";
import { clip } from "../diagnostics/clip.js";
import { configValue, parseXlNumber, type ConfigValue } from "./domain-value.js";
import { VifSpec } from "./vif-spec.js";
import { applyTextEdits, appendLine, lineBreakOf, lineSpanOf, type TextEdit } from "../edit/text-edit.js";
import { escapeForQuote, majorityQuote, quoteConfigString } from "../edit/quote.js";

/** One `name = value` (or `name += value`) statement of a guest file. */
export interface Setting {
  readonly name: string;
  readonly op: "=" | "+=";
  /** The typed value; null parts are values xl would reject. */
  readonly value: ConfigValue;
  readonly node: DomainAssignment;
  readonly span: Span;
  readonly nameSpan: Span;
}

// Reads through to its statement node: a guest has a dozen settings, and copies of the node's fields
// were a large share of a parsed guest's heap on a host of thousands.
class StatementSetting implements Setting {
  constructor(
    readonly node: DomainAssignment,
    readonly value: ConfigValue,
  ) {}

  get name(): string {
    return this.node.name;
  }

  get op(): "=" | "+=" {
    return this.node.op;
  }

  get span(): Span {
    return this.node.span;
  }

  get nameSpan(): Span {
    const start = this.node.span.start;
    return { start, end: start + this.node.name.length };
  }

  /** The fields as they read: JSON output keeps the shape a Setting had as a plain object. */
  toJSON(): object {
    return { name: this.name, op: this.op, value: this.value, node: this.node, span: this.span, nameSpan: this.nameSpan };
  }
}

/**
 * A guest config file (xl syntax, or an xm file whose Python statements are kept verbatim) as a typed,
 * losslessly printable document. Immutable: edits return a new document.
 */
export class DomainConfig extends ConfigDocument {
  readonly kind = "domain" as const;
  readonly tree: DomainFile;
  readonly settings: Setting[] = [];
  readonly python: DomainPython[] = [];
  #vifs: VifSpec[] | undefined;

  constructor(text: string, options: ParseOptions = {}) {
    super(text, options);
    const { file, errors } = parseDomain(text);
    this.tree = file;
    const quoted = errors.length === 0 ? errors : errors.filter((e) => e.kind === "unquoted-entry");
    for (const e of errors) this.report(e, "error", "syntax", grammarMessage(e, "xl"));
    for (const st of file.statements) {
      if (st.kind === "python") {
        this.python.push(st);
        const what = st.assigns ? `the value of '${st.assigns}' is computed by Python` : "this is a Python statement";
        this.report(st.span, "warning", "xm-python", `${what}: xl cannot read it and xencfg cannot know its value (evaluate it by hand to make an xl file)`);
      } else if (st.kind === "assignment") {
        this.settings.push(new StatementSetting(st, configValue(st.value, text)));
        if (!XL_NAME.test(st.name)) this.report({ start: st.span.start, end: st.span.start + st.name.length }, "error", "syntax", nameMessage(st.name));
        if (quoted.length === 0 || !quoted.some((e) => e.start >= st.span.start && e.end <= st.span.end)) this.checkValue(st.value);
      }
    }
    this.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private checkValue(v: DomainValue): void {
    if (v.kind === "list") v.items.forEach((i) => this.checkValue(i));
    else if (v.kind === "string" && v.terminated && !v.curly) this.checkEscapes(v.span);
    else if (v.kind === "bare") {
      const word = this.slice(v.span);
      const found = clip(word);
      const bool = PYTHON_BOOLEANS.get(word);
      // xm files are Python, where True/False are booleans; xl reads a boolean setting as a number and calls
      // a string there "not a valid number", so quoting the word would be the wrong hint.
      if (bool !== undefined) this.report(v.span, "error", "syntax", `expected a number, found ${word} (Python's boolean, which only xm reads; xl reads booleans as numbers: write ${bool})`);
      // A clipped word cannot be written back as the fix.
      else this.report(v.span, "error", "syntax", found.clipped ? `expected a quoted string, found ${found.text}` : `expected a quoted string, found ${word} (write '${word}')`);
    } else if (v.kind === "number" && parseXlNumber(v.raw) === null) {
      const lower = v.raw.toLowerCase();
      // xl's lexer reads [0-9][0-9a-fx]*: at the first upper-case letter the number ends and the rest is
      // a lexical error. A number that only its case spoils gets its lower-case spelling as the fix.
      if (parseXlNumber(lower) !== null) {
        const upper = /[A-Z]/.exec(v.raw)![0];
        const fix = clip(lower);
        // A clipped number cannot be written back as the fix.
        this.report(v.span, "error", "syntax", `'${clip(v.raw).text}' is not a number xl reads: xl's numbers take lower-case hex digits only and it stops reading at '${upper}'${fix.clipped ? "; write it in lower case" : `; write ${fix.text}`}`);
      } else this.report(v.span, "error", "syntax", `'${clip(v.raw).text}' is not a number xl reads (whole numbers only, decimal or 0x hex); quote it if it is text`);
    }
  }

  /**
   * xl's dequote (libxlu_cfg.c) knows \' \" \\ \a \b \f \n \r \t \v and the numeric \x and \0-\7; any other
   * character after a backslash is "invalid character after backslash in quoted string", and xl refuses
   * the file. Python (xm) keeps such a backslash, so regular expressions written for xm (`'web\.1'`) are
   * the usual case. One finding per string, at the first such escape.
   */
  private checkEscapes(span: Span): void {
    // Every string value of every guest passes here: look for a backslash before copying anything.
    const first = this.text.indexOf("\\", span.start);
    if (first < 0 || first >= span.end) return;
    const raw = this.slice(span);
    for (let i = 1; i < raw.length - 1; i++) {
      if (raw[i] !== "\\") continue;
      const next = raw[i + 1]!;
      if (!XL_ESCAPED_CHARS.includes(next)) {
        const at = span.start + i;
        const shown = next === " " ? "a space" : /[\x00-\x1f]/.test(next) ? `U+${next.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : `'${next}'`;
        this.report({ start: at, end: at + 2 }, "error", "syntax", `'\\' before ${shown} is not an escape xl reads (it knows \\' \\" \\\\ \\a \\b \\f \\n \\r \\t \\v and numeric \\x and \\0-\\7 escapes), so xl refuses the file; write \\\\ for a backslash`);
        return;
      }
      i++;
    }
  }

  /**
   * The setting xl uses: libxlu keeps settings newest first, so the last `=` of a name wins; `+=` after it
   * appends (its value is merged by `value()`).
   */
  setting(name: string): Setting | undefined {
    for (let i = this.settings.length - 1; i >= 0; i--) {
      const s = this.settings[i]!;
      if (s.name === name && s.op === "=") return s;
    }
    return this.settings.find((s) => s.name === name);
  }

  /** The effective value of a setting, with `+=` appends applied. */
  value(name: string): ConfigValue | undefined {
    let out: ConfigValue | undefined;
    for (const s of this.settings) {
      if (s.name !== name) continue;
      if (s.op === "=" || out === undefined) out = s.value;
      else out = [...(Array.isArray(out) ? out : [out]), ...(Array.isArray(s.value) ? s.value : [s.value])];
    }
    return out;
  }

  /** Whether a name is assigned at all, including by a Python statement whose value is unknown. */
  assigns(name: string): boolean {
    return this.settings.some((s) => s.name === name) || this.python.some((p) => p.assigns === name);
  }

  /** The guest's name as xl will see it, when it is a plain string. */
  get guestName(): string | undefined {
    const v = this.value("name");
    return typeof v === "string" ? v : undefined;
  }

  /** The network interfaces, in DEVID order, from every `vif =` / `vif +=` that counts. */
  get vifs(): VifSpec[] {
    if (!this.#vifs) {
      let items: DomainValue[] = [];
      for (const s of this.settings) {
        if (s.name !== "vif") continue;
        const list = s.node.value.kind === "list" ? s.node.value.items : [s.node.value];
        items = s.op === "=" ? [...list] : [...items, ...list];
      }
      this.#vifs = [];
      items.forEach((item, devid) => {
        if (item.kind === "string") this.#vifs!.push(new VifSpec(devid, item, item.value, this.rawBody(item)));
      });
    }
    return this.#vifs;
  }

  vif(devid: number): VifSpec | undefined {
    return this.vifs.find((v) => v.devid === devid);
  }

  /** The list node of the `vif` setting that defines the interfaces (the last `vif =`). */
  get vifList(): DomainList | undefined {
    const s = this.setting("vif");
    return s?.node.value.kind === "list" ? s.node.value : undefined;
  }

  private rawBody(node: DomainString): string {
    return this.text.slice(node.span.start + 1, node.terminated ? node.span.end - 1 : node.span.end);
  }

  /** The quote style for new strings: the vif strings' own, else the file's majority. */
  get quoteStyle(): "'" | '"' {
    const vifQuotes = this.vifs.map((v) => v.node.quote).filter((q) => q === "'" || q === '"');
    if (vifQuotes.length > 0) return majorityQuote(vifQuotes);
    const quotes: string[] = [];
    const walk = (v: DomainValue): void => {
      if (v.kind === "string") quotes.push(v.quote);
      else if (v.kind === "list") v.items.forEach(walk);
    };
    this.settings.forEach((s) => walk(s.node.value));
    return majorityQuote(quotes);
  }

  // ---- edits: each returns a new document; untouched bytes stay as they were ----

  withEdits(edits: readonly TextEdit[]): DomainConfig {
    return new DomainConfig(applyTextEdits(this.text, edits), { file: this.file });
  }

  /** Sets a setting's value to `valueSource` (xl text: `512`, `'hvm'`, `[ 'a', 'b' ]`); adds it if missing. */
  setSetting(name: string, valueSource: string): DomainConfig {
    if (!/^[a-z][._0-9a-z]*$/.test(name)) throw new RangeError(`not an xl setting name: ${JSON.stringify(name)}`);
    const s = this.setting(name);
    if (s) return this.withEdits([{ start: s.node.value.span.start, end: s.node.value.span.end, text: valueSource }]);
    return this.withEdits([appendLine(this.text, `${name} = ${valueSource}`)]);
  }

  /** Removes every assignment of a name (each whole line when it stands alone). */
  removeSetting(name: string): DomainConfig {
    const edits = this.settings.filter((s) => s.name === name).map((s) => ({ ...lineSpanOf(this.text, s.span.start, s.span.end), text: "" }));
    return edits.length ? this.withEdits(edits) : this;
  }

  /** Sets one key of one interface, keeping the string's quote style and the spec's own separator. */
  setVifKey(devid: number, key: string, value: string): DomainConfig {
    return this.withEdits([this.setVifKeyEdit(devid, key, value)]);
  }

  setVifKeyEdit(devid: number, key: string, value: string): TextEdit {
    const vif = this.requireVif(devid);
    if (!/^[a-z_][a-z0-9_]*$/.test(key)) throw new RangeError(`not a vif key: ${JSON.stringify(key)}`);
    if (/[,\n\r]/.test(value)) throw new RangeError(`a vif value cannot contain ',' or a line break: ${JSON.stringify(value)}`);
    const quote = vif.node.quote;
    const escaped = escapeForQuote(value, quote);
    const entry = vif.entry(key);
    if (entry?.valueSpan) return { ...entry.valueSpan, text: escaped };
    if (entry) return { start: entry.keySpan.end, end: entry.keySpan.end, text: `=${escaped}` };
    const last = vif.entries[vif.entries.length - 1];
    if (!last) {
      const inner = { start: vif.node.span.start + 1, end: vif.node.terminated ? vif.node.span.end - 1 : vif.node.span.end };
      return { ...inner, text: `${key}=${escaped}` };
    }
    return { start: last.span.end, end: last.span.end, text: `${separatorOf(this.text, vif, this.vifs)}${key}=${escaped}` };
  }

  /** Removes one key of one interface with the separator before it (or after it, for the first key). */
  removeVifKey(devid: number, key: string): DomainConfig {
    const vif = this.requireVif(devid);
    const edits: TextEdit[] = [];
    const entries = vif.entries;
    entries.forEach((e, i) => {
      if (e.key !== key) return;
      if (i > 0) edits.push({ start: entries[i - 1]!.span.end, end: e.span.end, text: "" });
      else if (entries[1]) edits.push({ start: e.span.start, end: entries[1].span.start, text: "" });
      else edits.push({ start: e.span.start, end: e.span.end, text: "" });
    });
    // Adjacent removals would overlap on their shared separator; one pass at a time keeps them exact.
    if (edits.length > 1) return this.withEdits([edits[edits.length - 1]!]).removeVifKey(devid, key);
    return edits.length ? this.withEdits(edits) : this;
  }

  /** Adds an interface at the end of the vif list (creating `vif = [ ... ]` when there is none). */
  addVif(spec: string): DomainConfig {
    return this.withEdits([this.addVifEdit(spec)]);
  }

  addVifEdit(spec: string): TextEdit {
    const quoted = quoteConfigString(spec, this.quoteStyle);
    const list = this.vifList;
    if (!list) return appendLine(this.text, `vif = [ ${quoted} ]`);
    const last = list.items[list.items.length - 1];
    if (!last) {
      const inner = this.text.slice(list.span.start + 1, list.span.end - 1);
      return { start: list.span.start + 1, end: list.span.end - 1, text: inner.includes(" ") ? ` ${quoted} ` : quoted };
    }
    const { line: openLine } = this.position(list.span.start);
    const { line: lastLine } = this.position(last.span.start);
    const afterLast = list.trailingComma ? this.text.indexOf(",", last.span.end) + 1 : last.span.end;
    if (lastLine > openLine) {
      // A list written one entry per line gets the new entry on a line of its own, indented the same.
      const lineStart = this.text.lastIndexOf("\n", last.span.start) + 1;
      const indent = /^[ \t]*/.exec(this.text.slice(lineStart))![0];
      const nl = lineBreakOf(this.text);
      return { start: afterLast, end: afterLast, text: list.trailingComma ? `${nl}${indent}${quoted},` : `,${nl}${indent}${quoted}` };
    }
    const gap = list.items.length > 1 ? separatorBetween(this.text, list.items[0]!, list.items[1]!) : ", ";
    return { start: afterLast, end: afterLast, text: list.trailingComma ? `${gap.replace(",", "")}${quoted},` : `${gap}${quoted}` };
  }

  private requireVif(devid: number): VifSpec {
    const vif = this.vif(devid);
    if (!vif) throw new RangeError(`${this.file}: no vif with devid ${devid}`);
    return vif;
  }

  toJSON(): object {
    const pos = (s: Span) => this.position(s.start);
    return {
      kind: this.kind,
      file: this.file,
      settings: this.settings.map((s) => ({ name: s.name, op: s.op, value: s.value, ...pos(s.span) })),
      vifs: this.vifs.map((v) => ({ devid: v.devid, spec: v.spec, keys: v.toObject(), ...pos(v.span) })),
      python: this.python.map((p) => ({ ...pos(p.span), ...(p.assigns ? { assigns: p.assigns } : {}) })),
      diagnostics: this.diagnostics,
    };
  }
}

/**
 * The separator between entries (`, ` or `,`) so an added key looks like its neighbours: the spec's own,
 * else the one the file's other vif specs use, else `, `.
 */
function separatorOf(text: string, vif: VifSpec, all: readonly VifSpec[]): string {
  for (const v of [vif, ...all]) {
    const [a, b] = v.entries;
    const between = a && b ? text.slice(a.span.end, b.span.start) : "";
    if (/^[ \t]*,[ \t]*$/.test(between)) return between;
  }
  return ", ";
}

function separatorBetween(text: string, a: DomainValue, b: DomainValue): string {
  const between = text.slice(a.span.end, b.span.start);
  return /^[ \t]*,[ \t]*$/.test(between) ? between : ", ";
}

// The number xl wants where an xm file wrote a Python boolean (`pae = True`). Only these two spellings:
// Python has no other boolean literals, and `true` is just a bare word to it.
const PYTHON_BOOLEANS: ReadonlyMap<string, string> = new Map([["True", "1"], ["False", "0"]]);

// libxlu_cfg_l.l reads a setting name as [a-z][._0-9a-z]*; the grammar also takes upper case and a leading
// '_' so that xm's Python variables parse.
const XL_NAME = /^[a-z][._0-9a-z]*$/;

function nameMessage(name: string): string {
  const lower = name.toLowerCase();
  const fix = XL_NAME.test(lower) ? `; write '${lower}'` : "";
  return `'${clip(name).text}' is not a setting name xl reads (lower-case letters, digits, '.' and '_', starting with a letter): xl refuses the file, and xm ignores the setting${fix}`;
}

export function parseDomainConfig(text: string, options: ParseOptions = {}): DomainConfig {
  return new DomainConfig(text, options);
}
