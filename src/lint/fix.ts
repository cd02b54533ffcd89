import { isAbsolute, join } from "node:path";
import type { ConfigDocument } from "../ast/config-document.js";
import type { TextEdit } from "../edit/text-edit.js";
import type { Finding } from "./finding.js";
import type { HostRead, XenTree } from "../host/read-host.js";
import { lintHosts, type LintOptions, type LintResult } from "./engine.js";

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

/** What --fix changed in one file over all passes. */
export interface FileChange {
  file: string;
  before: ConfigDocument;
  after: ConfigDocument;
  fixed: Finding[];
}

// ESLint's limit: fixes that keep enabling new fixes stop here.
const MAX_PASSES = 10;

/**
 * Lints, fixes, and lints the fixed documents again (in memory) until no fix is left or MAX_PASSES,
 * so fixes that waited for an overlapping one get their turn. Returns the last lint, which describes
 * the files as they will be written, and the changes to write.
 */
export function fixUntilStable(read: HostRead, lint: LintOptions, options: FixOptions = {}): { result: LintResult; changes: FileChange[] } {
  let result = lintHosts(read, lint);
  const changes = new Map<string, FileChange>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const plans = planFixes(result.findings, result.documents, options);
    if (plans.length === 0) break;
    const swap = new Map<ConfigDocument, ConfigDocument>(plans.map((p) => [p.before, p.after]));
    for (const p of plans) {
      const c = changes.get(p.file);
      changes.set(p.file, { file: p.file, before: c?.before ?? p.before, after: p.after, fixed: [...(c?.fixed ?? []), ...p.fixed] });
    }
    read = { ...read, trees: read.trees.map((t) => swapDocuments(t, swap)) };
    result = lintHosts(read, lint);
  }
  return { result, changes: [...changes.values()] };
}

function swapDocuments(tree: XenTree, swap: ReadonlyMap<ConfigDocument, ConfigDocument>): XenTree {
  const s = <T extends ConfigDocument | undefined>(d: T): T => ((d && swap.get(d)) ?? d) as T;
  return { ...tree, xend: s(tree.xend), xlConf: s(tree.xlConf), guests: tree.guests.map(s) };
}

/** Writes each fixed file atomically (a crash leaves the old file or the new one, never half of each). */
export async function writeFixes(changes: readonly { file: string; after: ConfigDocument }[], cwd: string): Promise<void> {
  // Imported on first use: it loads node:crypto, which `xencfg lint` without --fix never needs (start-up).
  const { writeFileAtomic } = await import("../fs/atomic-write.js");
  for (const c of changes) await writeFileAtomic(isAbsolute(c.file) ? c.file : join(cwd, c.file), c.after.toString());
}
