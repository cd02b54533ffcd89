export type Severity = "error" | "warning" | "info";

/** A user's mistake as a value: 1-based positions, end exclusive, and a stable code. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  /** `syntax`, `encoding`, `xm-python`, or a lint rule id. */
  code: string;
  message: string;
}
