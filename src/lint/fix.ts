import { isAbsolute, join } from "node:path";
import type { ConfigDocument } from "../ast/config-document.js";
import type { TextEdit } from "../edit/text-edit.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import type { Finding } from "./finding.js";

/** What --fix does to one file. */
export interface FilePlan {
  file: string;
  before: ConfigDocument;
  after: ConfigDocument;
  /** The findings whose fixes are in `after`. */
  fixed: Finding[];
  /** Fixes left out because they overlap one already taken (a second run applies them). */
  deferred: Finding[];
}

export interface FixOptions {
  /** Named fix kinds to apply besides the safe ones (`split-spec`). */
  types?: readonly string[];
}

/** Whether --fix (with these fix types) applies a finding's fix. */
export function wantsFix(f: Finding, options: FixOptions = {}): boolean {
  return f.fix !== undefined && (f.fix.type === undefined || (options.types ?? []).includes(f.fix.type));
}

/**
 * Collects the fixes per document and applies them with the document's own minimal-edit API, so every
 * byte outside the fixed spans stays as it was. Overlapping fixes: the first (in file order) wins and the
 * others wait for the next run, as ESLint does. A file whose fixed text would have more syntax errors
 * than before is left alone: a fix must never make a file worse.
 */
export function planFixes(findings: readonly Finding[], documents: ReadonlyMap<string, ConfigDocument>, options: FixOptions = {}): FilePlan[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!wantsFix(f, options) || !documents.has(f.file)) continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const plans: FilePlan[] = [];
  for (const [file, list] of byFile) {
    const before = documents.get(file)!;
    const taken: TextEdit[] = [];
    const fixed: Finding[] = [];
    const deferred: Finding[] = [];
    for (const f of list) {
      const edits = f.fix!.edits;
      if (edits.some((e) => taken.some((t) => overlaps(e, t)))) deferred.push(f);
      else if (edits.every((e) => before.text.slice(e.start, e.end) === e.text)) continue;
      else {
        taken.push(...edits);
        fixed.push(f);
      }
    }
    if (fixed.length === 0) continue;
    const after = (before as ConfigDocument & { withEdits(e: readonly TextEdit[]): ConfigDocument }).withEdits(taken);
    const errors = (d: ConfigDocument) => d.diagnostics.filter((x) => x.code === "syntax").length;
    if (errors(after) > errors(before)) continue;
    plans.push({ file, before, after, fixed, deferred });
  }
  return plans;
}

// Two insertions at one offset, or an insertion inside a replaced span, conflict too.
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** Writes each fixed file atomically (a crash leaves the old file or the new one, never half of each). */
export async function writeFixes(plans: readonly FilePlan[], cwd: string): Promise<void> {
  for (const p of plans) await writeFileAtomic(isAbsolute(p.file) ? p.file : join(cwd, p.file), p.after.toString());
}
