import type { Finding } from "../finding.js";

/**
 * An array of `{ file, line, column, endLine, endColumn, rule, severity, message }`, plus `fix` (ESLint's
 * shape: the edits in offsets of the file as linted, and the fix type when --fix applies it only on request).
 */
export function renderJson(findings: readonly Finding[]): string {
  const rows = findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...(f.fix ? { fix: { ...(f.fix.type ? { type: f.fix.type } : {}), edits: f.fix.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })) } } : {}),
  }));
  return JSON.stringify(rows, null, 2) + "\n";
}
