import type { ConfigDocument, Span } from "../ast/config-document.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { XenTree } from "../host/read-host.js";

/** Every document of the trees: xend config, xl.conf and guests. */
export function documentsOf(trees: readonly XenTree[]): ConfigDocument[] {
  return trees.flatMap((t) => [t.xend, t.xlConf, ...t.guests].filter((d): d is NonNullable<typeof d> => d !== undefined));
}

/** The offsets a reader's diagnostic covers (diagnostics carry 1-based positions only). */
export function diagnosticSpan(doc: ConfigDocument, d: Diagnostic): Span {
  const start = doc.lines.offset(d.line, d.column);
  return { start, end: Math.max(start, doc.lines.offset(d.endLine, d.endColumn)) };
}
