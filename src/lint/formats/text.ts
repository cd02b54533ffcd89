import type { LineIndex } from "../../diagnostics/line-index.js";
import { codeFrame } from "../../diagnostics/code-frame.js";
import { countFindings, type Finding } from "../finding.js";
import { addToGroup } from "../../collections/group.js";

export interface TextOptions {
  /** Code frames under each finding: for terminals. */
  frames?: boolean;
  /** ANSI colours: for terminals, unless NO_COLOR is set. */
  color?: boolean;
  /** The linted sources by file, for code frames. */
  sources?: ReadonlyMap<string, LineIndex>;
  fileCount?: number;
}

const COLOR = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m", dim: "\x1b[2m", bold: "\x1b[1m", underline: "\x1b[4m", reset: "\x1b[0m" } as const;

/**
 * ESLint's "stylish": the file, then one line per finding `line:col  severity  message  rule` with the
 * columns aligned, then a summary. On a terminal, each finding also gets its code frame, and colours.
 */
export function renderText(findings: readonly Finding[], options: TextOptions = {}): string {
  const color = options.color ?? false;
  const paint = (code: string, s: string) => (color ? `${code}${s}${COLOR.reset}` : s);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) addToGroup(byFile, f.file, f);
  for (const [file, list] of byFile) {
    out.push(paint(COLOR.underline, file));
    const pos = list.map((f) => `${f.line}:${f.column}`);
    const posWidth = Math.max(...pos.map((p) => p.length));
    const sevWidth = Math.max(...list.map((f) => f.severity.length));
    list.forEach((f, i) => {
      const sev = paint(COLOR[f.severity], f.severity.padEnd(sevWidth));
      out.push(`  ${pos[i]!.padEnd(posWidth)}  ${sev}  ${f.message}  ${paint(COLOR.dim, f.rule)}`);
      const source = options.sources?.get(f.file);
      if (options.frames && source && f.line <= source.lineCount()) {
        out.push(codeFrame(f, source, { color }).replace(/^/gm, "    "));
      }
    });
    out.push("");
  }
  out.push(summary(findings, options.fileCount, paint));
  return out.join("\n") + "\n";
}

function summary(findings: readonly Finding[], fileCount: number | undefined, paint: (c: string, s: string) => string): string {
  const c = countFindings(findings);
  const files = fileCount === undefined ? "" : ` in ${fileCount} file${fileCount === 1 ? "" : "s"} checked`;
  if (findings.length === 0) return `no problems${files}`;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  const line = `${n(findings.length, "problem")} (${n(c.error, "error")}, ${n(c.warning, "warning")}, ${c.info} info)${files}`;
  const colour = c.error ? COLOR.error : c.warning ? COLOR.warning : COLOR.info;
  const fix = c.fixable ? `\n${n(c.fixable, "problem")} can be fixed with --fix` : "";
  return paint(COLOR.bold + colour, line) + fix;
}
