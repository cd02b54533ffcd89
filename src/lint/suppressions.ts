import type { ConfigDocument } from "../ast/config-document.js";
import type { XendConfig } from "../xend/xend-config.js";
import type { DomainConfig } from "../domain/domain-config.js";

/** `*` stands for every rule: a directive without a rule list. */
const ALL = "*";

/** The inline suppressions of one file (hadolint's `# hadolint ignore=`, ESLint's `eslint-disable`). */
export interface Suppressions {
  /** Rules off for the whole file. */
  file: Set<string>;
  /** 1-based line → rules off on that line. */
  lines: Map<number, Set<string>>;
  /** Each directive with where it is and the rule ids it names, for checks of unknown ids. */
  directives: { line: number; column: number; endColumn: number; rules: string[] }[];
}

// `# xencfg-disable-next-line mac-case, vif-ip-noop -- why`: the rule list may be comma- or space-separated
// and may end with `-- a reason`, which is ignored (ESLint's convention).
const DIRECTIVE = /^#+\s*xencfg-(disable-next-line|disable)(?=\s|$)(.*)$/;

/** Reads the `# xencfg-disable...` comments of a document. */
export function readSuppressions(doc: ConfigDocument): Suppressions {
  const out: Suppressions = { file: new Set(), lines: new Map(), directives: [] };
  // Nearly every file has comments and none of them a directive: one search of the text spares slicing and
  // matching each comment (the engine reads every document's suppressions, 10,000 on a large host).
  if (!doc.text.includes("xencfg-")) return out;
  const comments = (doc as XendConfig | DomainConfig).tree?.comments ?? [];
  for (const span of comments) {
    const text = doc.slice(span);
    const m = DIRECTIVE.exec(text.trimEnd());
    if (!m) continue;
    const list = m[2]!.split(/\s--\s|\s--$/)[0]!;
    const rules = list.split(/[\s,]+/).filter(Boolean);
    const { line, column } = doc.position(span.start);
    out.directives.push({ line, column, endColumn: column + text.trimEnd().length, rules });
    const ids = rules.length ? rules : [ALL];
    if (m[1] === "disable") ids.forEach((r) => out.file.add(r));
    else {
      const set = out.lines.get(line + 1) ?? new Set<string>();
      ids.forEach((r) => set.add(r));
      out.lines.set(line + 1, set);
    }
  }
  return out;
}

/** Whether a finding of `rule` starting on `line` is suppressed. */
export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  if (s.file.has(rule) || s.file.has(ALL)) return true;
  const l = s.lines.get(line);
  return l !== undefined && (l.has(rule) || l.has(ALL));
}
