/**
 * Offset → line/column on demand. Lexers track only offsets (cheaper per token); the few positions that are
 * ever shown are computed here by binary search over line starts, built on first use.
 */
export class LineIndex {
  #starts: number[] | undefined;

  constructor(readonly text: string) {}

  get lineStarts(): number[] {
    if (!this.#starts) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf("\n"); i !== -1; i = t.indexOf("\n", i + 1)) starts.push(i + 1);
      this.#starts = starts;
    }
    return this.#starts;
  }

  /**
   * 1-based line and column (UTF-16 units, as editors and SARIF count by default) of an offset. A byte
   * order mark stays in the text (files print back byte for byte) but is no column: editors do not show it.
   */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 - (lo === 0 && at > 0 ? this.#bom() : 0) };
  }

  /** The offset of a 1-based line and column: the inverse of position(). */
  offset(line: number, column: number): number {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    return Math.min(this.text.length, start + column - 1 + (line === 1 ? this.#bom() : 0));
  }

  #bom(): number {
    return this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** The text of a 1-based line without its line break (nor, on line 1, a byte order mark). */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = (starts[line - 1] ?? this.text.length) + (line === 1 ? this.#bom() : 0);
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  lineCount(): number {
    return this.lineStarts.length;
  }
}
