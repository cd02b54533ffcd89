import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Severity } from "../../diagnostics/diagnostic.js";
import type { Finding } from "../finding.js";

export interface SarifRuleInfo {
  id: string;
  severity: Severity;
  description: string;
  fixable?: boolean;
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/**
 * SARIF 2.1.0, the format GitHub code scanning and most CI dashboards read: one run, the tool's rules
 * with their descriptions and help, one result per finding with its real start and end columns (UTF-16
 * units, as `columnKind` says). Paths stay relative to the working folder (uriBaseId SRCROOT) unless they
 * were given absolute.
 */
export function renderSarif(findings: readonly Finding[], rules: readonly SarifRuleInfo[], version: string): string {
  const ruleIndex = new Map<string, number>();
  const listed = [...rules];
  for (const f of findings) {
    if (!listed.some((r) => r.id === f.rule)) listed.push({ id: f.rule, severity: f.severity, description: f.rule });
  }
  listed.forEach((r, i) => ruleIndex.set(r.id, i));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "xencfg",
            version,
            rules: listed.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: {
                text: `${r.description}. Documentation: docs/rules/${r.id}.md in the xencfg package.`,
                markdown: `${r.description}. Documentation: [docs/rules/${r.id}.md](docs/rules/${r.id}.md).`,
              },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { fixable: r.fixable ?? false },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        originalUriBaseIds: { SRCROOT: { description: { text: "the folder xencfg lint ran in" } } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule)!,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(f.file),
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(/[\\/]/).filter((p) => p !== ".").map(encodeURIComponent).join("/");
  return { uri, uriBaseId: "SRCROOT" };
}
