import type { ConfigDocument, Span } from "../ast/config-document.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { HostRead } from "../host/read-host.js";
import type { DomainConfig } from "../domain/domain-config.js";
import type { RuleContext, RuleDefinition, RuleReport } from "./rule.js";
import type { XenVersion } from "./xen-version.js";
import { compareFindings, type Finding } from "./finding.js";
import { formatMessage } from "./message.js";
import { isSuppressed, readSuppressions, type Suppressions } from "./suppressions.js";
import { nearest } from "./nearest.js";

/** A rule's severity as the config file sets it. */
export type RuleSetting = Severity | "off";

/**
 * What the reader reports without a document to hang it on, and what the engine itself reports. They
 * have ids like rules (users may set their severity) but no check of their own.
 */
export const ENGINE_RULES: readonly Pick<RuleDefinition, "id" | "severity" | "description" | "messages">[] = [
  { id: "encoding", severity: "error", description: "a file is not UTF-8 text (a binary file, or Latin-1 pasted from elsewhere)", messages: {} },
  { id: "io", severity: "error", description: "a path cannot be read (missing, or permission denied); the run exits 2", messages: {} },
  {
    id: "suppression-unknown",
    severity: "warning",
    description: "an xencfg-disable comment names a rule that does not exist, so it suppresses nothing",
    messages: { unknown: "'{{rule}}' is not an xencfg rule, so this comment suppresses nothing{{hint}}" },
  },
];

const UNKNOWN_SUPPRESSION = ENGINE_RULES.find((r) => r.id === "suppression-unknown")!.messages.unknown!;

export interface LintOptions {
  rules: readonly RuleDefinition[];
  /** Severity overrides by rule id (the config file's `rules`). */
  settings?: Readonly<Record<string, RuleSetting>>;
  xen?: XenVersion;
  declaredBridges?: readonly string[];
  /** Every rule id a suppression comment may name; defaults to the ids of `rules` and the engine's. */
  knownRuleIds?: Iterable<string>;
}

export interface LintResult {
  /** Sorted by file, line, column, rule. */
  findings: Finding[];
  /** Every document that was linted, by file name, for --fix and code frames. */
  documents: Map<string, ConfigDocument>;
  /** How many files were read (documents and unreadable ones). */
  fileCount: number;
  /** Whether some path could not be read at all (the CLI exits 2). */
  ioTrouble: boolean;
}

/**
 * Runs the rules over everything `readHosts` read, once: host-wide rules see every guest of every tree
 * together, so a MAC used in two files is one finding per use, each naming the other. Then applies the
 * config's severities and the files' suppression comments, and sorts.
 */
export function lintHosts(read: HostRead, options: LintOptions): LintResult {
  const settings = options.settings ?? {};
  const documents = new Map<string, ConfigDocument>();
  for (const t of read.trees) for (const doc of [t.xend, t.xlConf, ...t.guests]) if (doc) documents.set(doc.file, doc);

  const suppressions = new Map<ConfigDocument, Suppressions>();
  const suppressionsOf = (doc: ConfigDocument): Suppressions => {
    let s = suppressions.get(doc);
    if (!s) suppressions.set(doc, (s = readSuppressions(doc)));
    return s;
  };
  const findings: Finding[] = [];
  const effective = (id: string, fallback: Severity): Severity | undefined => {
    const set = settings[id];
    return set === "off" ? undefined : (set ?? fallback);
  };

  for (const d of read.unreadable) {
    const severity = effective(d.code, "error");
    if (severity) findings.push(diagnosticFinding(d, severity));
  }

  const guests = read.trees.flatMap((tree) => tree.guests.map((guest: DomainConfig) => ({ guest, tree })));
  for (const rule of options.rules) {
    if (settings[rule.id] === "off") continue;
    const ctx: RuleContext = {
      trees: read.trees,
      guests,
      xen: options.xen,
      declaredBridges: options.declaredBridges ?? [],
      report: (r: RuleReport) => {
        const severity = settings[rule.id] ?? r.severity ?? rule.severity;
        if (severity === "off") return;
        const f = reportFinding(rule, r, severity);
        if (!isSuppressed(suppressionsOf(r.doc), rule.id, f.line)) findings.push(f);
      },
    };
    rule.check(ctx);
  }

  const known = new Set(options.knownRuleIds ?? [...options.rules.map((r) => r.id), ...ENGINE_RULES.map((r) => r.id)]);
  const severity = effective("suppression-unknown", "warning");
  if (severity) {
    for (const doc of documents.values()) {
      for (const dir of suppressionsOf(doc).directives) {
        for (const id of dir.rules) {
          if (known.has(id) || isSuppressed(suppressionsOf(doc), "suppression-unknown", dir.line)) continue;
          const guess = nearest(id, known);
          findings.push({
            file: doc.file, line: dir.line, column: dir.column, endLine: dir.line, endColumn: dir.endColumn,
            rule: "suppression-unknown", severity, messageId: "unknown",
            message: formatMessage(UNKNOWN_SUPPRESSION, { rule: id, hint: guess ? ` (did you mean ${guess}?)` : "" }),
          });
        }
      }
    }
  }

  findings.sort(compareFindings);
  return {
    findings,
    documents,
    fileCount: documents.size + read.unreadable.length,
    ioTrouble: read.unreadable.some((d) => d.code === "io"),
  };
}

function reportFinding(rule: RuleDefinition, r: RuleReport, severity: Severity): Finding {
  const template = rule.messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id '${r.messageId}'`);
  const pos = spanPosition(r.doc, r.span);
  const f: Finding = { file: r.doc.file, ...pos, rule: rule.id, severity, message: formatMessage(template, r.data), messageId: r.messageId };
  if (r.fix && r.fix.length > 0) f.fix = r.fixType === undefined ? { edits: r.fix } : { edits: r.fix, type: r.fixType };
  return f;
}

/** 1-based start and end of a span; an empty span still covers one column so it can be shown. */
export function spanPosition(doc: ConfigDocument, span: Span): Pick<Finding, "line" | "column" | "endLine" | "endColumn"> {
  const d = doc.diagnosticAt(span, "error", "", "");
  return { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

function diagnosticFinding(d: Diagnostic, severity: Severity): Finding {
  return { file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, rule: d.code, severity, message: d.message };
}
