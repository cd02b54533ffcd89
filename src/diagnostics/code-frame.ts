import type { Diagnostic } from "./diagnostic.js";
import { LineIndex } from "./line-index.js";

export interface FrameOptions {
  /** ANSI colours, for terminals only. */
  color?: boolean;
}

const COLORS = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" } as const;
const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

/**
 * `file:line:col: severity: message [code]`, then the line and a caret under the span: the form compilers
 * use, so editors and terminals make the location clickable.
 */
export function formatDiagnostic(d: Diagnostic, source: string | LineIndex | undefined, options: FrameOptions = {}): string {
  const sev = options.color ? `${COLORS[d.severity]}${BOLD}${d.severity}${RESET}` : d.severity;
  const head = `${d.file}:${d.line}:${d.column}: ${sev}: ${d.message} [${d.code}]`;
  if (source === undefined) return head;
  return `${head}\n${codeFrame(d, source, options)}`;
}

/** Lines longer than this are shown as a window around the column, so a caret stays on screen. */
const FRAME_WIDTH = 120;
/** How much of the line the window keeps before the column. */
const FRAME_LEAD = 40;

export function codeFrame(d: Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn" | "severity">, source: string | LineIndex, options: FrameOptions = {}): string {
  const index = typeof source === "string" ? new LineIndex(source) : source;
  const raw = index.lineText(d.line);
  // Tabs would shift the caret; control characters would garble the terminal.
  const shown = raw.replace(/\t/g, " ").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "?");
  const start = d.column - 1;
  const width = Math.max(1, (d.endLine === d.line ? d.endColumn : raw.length + 1) - d.column);
  // A machine-written or garbled file can have one line of megabytes: show the part around the column.
  let from = 0;
  let to = shown.length;
  if (shown.length > FRAME_WIDTH) {
    from = Math.max(0, Math.min(start - FRAME_LEAD, shown.length - FRAME_WIDTH));
    to = from + FRAME_WIDTH;
  }
  const text = `${from > 0 ? "…" : ""}${shown.slice(from, to)}${to < shown.length ? "…" : ""}`;
  const at = Math.max(0, start - from + (from > 0 ? 1 : 0));
  const gutter = String(d.line).length + 2;
  const caret = " ".repeat(at) + "^" + "~".repeat(Math.max(0, Math.min(width, to + 1 - start) - 1));
  const mark = options.color ? `${COLORS[d.severity]}${caret}${RESET}` : caret;
  return `${String(d.line).padStart(gutter)} | ${text}\n${" ".repeat(gutter)} | ${mark}`;
}
