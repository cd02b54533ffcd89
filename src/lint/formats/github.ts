import type { Finding } from "../finding.js";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=<rule>::message`), which the runner
 * turns into annotations on the pull request. Escaping follows the runner's own toolkit (@actions/core
 * command.ts): the message escapes %, CR and LF; property values also ':' and ','.
 */
export function renderGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(",");
      return `::${COMMAND[f.severity]} ${props}::${escapeData(`${f.message} [${f.rule}]`)}\n`;
    })
    .join("");
}

export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
