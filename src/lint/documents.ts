import type { ConfigDocument, Span } from "../ast/config-document.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { XenTree } from "../host/read-host.js";

/** Every document of the trees: xend config, xl.conf and guests. */
export function documentsOf(trees: readonly XenTree[]): ConfigDocument[] {
  return trees.flatMap((t) => [t.xend, t.xlConf, ...t.guests].filter((d): d is NonNullable<typeof d> => d !== undefined));
}

/** The offsets a reader's diagnostic covers (diagnostics carry 1-based positions only). */
export function diagnosticSpan(doc: ConfigDocument, d: Diagnostic): Span {
  const starts = doc.lines.lineStarts;
  const at = (line: number, column: number) => Math.min(doc.text.length, (starts[line - 1] ?? doc.text.length) + column - 1);
  const start = at(d.line, d.column);
  return { start, end: Math.max(start, at(d.endLine, d.endColumn)) };
}
