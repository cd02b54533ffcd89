import type { Severity } from "../diagnostics/diagnostic.js";
import type { TextEdit } from "../edit/text-edit.js";

/** The edits that fix one finding, in offsets of the finding's file as it was linted. */
export interface FindingFix {
  edits: TextEdit[];
  /** Undefined for a safe fix that --fix applies; a name (`split-spec`) for one applied only when asked for. */
  type?: string;
}

/**
 * One problem the linter found: where (1-based, end exclusive, columns in UTF-16 units as editors and
 * SARIF count them), which rule, how bad, what to do. Every output format is a rendering of `Finding[]`.
 */
export interface Finding {
  /** The path as given joined with the path found (`/etc/xen/auto/db1.cfg`). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule id, or a pseudo-rule for what the reader reports (`syntax`, `xm-python`, `encoding`, `io`). */
  rule: string;
  severity: Severity;
  message: string;
  /** The key of the rule's message template (for tests and tools). */
  messageId?: string;
  fix?: FindingFix;
}

/** File, then position, then rule: the order every format prints. */
export function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  fixable: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const f of findings) {
    c[f.severity]++;
    if (f.fix && f.fix.type === undefined) c.fixable++;
  }
  return c;
}
