import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { LineIndex } from "../diagnostics/line-index.js";
import type { Span } from "../../grammars/sxp/nodes.js";

export type { Span };

export interface ParseOptions {
  /** The name diagnostics carry; `<input>` when not given. */
  file?: string;
}

/** What both documents share: the source, its diagnostics and positions. */
export abstract class ConfigDocument {
  readonly file: string;
  readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly text: string, options: ParseOptions) {
    this.file = options.file ?? "<input>";
    this.lines = new LineIndex(text);
  }

  /** Diagnostics of severity error: a file with any cannot be trusted to mean what it says. */
  get errors(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === "error");
  }

  /**
   * The syntax findings, warnings included: a file the reader had to guess about (an error) or that xend
   * reads other than it looks (a misplaced ')'). Rewriting it would hide the problem, so formatters and
   * fixers leave such files alone.
   */
  get syntaxProblems(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.code === "syntax");
  }

  /** The source as it is: an unedited document prints back byte for byte. */
  toString(): string {
    return this.text;
  }

  /** A diagnostic at a span of this document. */
  diagnosticAt(span: Span, severity: Severity, code: string, message: string): Diagnostic {
    const a = this.lines.position(span.start);
    const b = this.lines.position(Math.max(span.end, span.start));
    return { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column === a.column && b.line === a.line ? b.column + 1 : b.column, severity, code, message };
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  protected report(span: Span, severity: Severity, code: string, message: string): void {
    this.diagnostics.push(this.diagnosticAt(span, severity, code, message));
  }
}
