import { basename } from "node:path";
import { DomainConfig } from "./domain/domain-config.js";
import { XendConfig } from "./xend/xend-config.js";
import { decodeConfigBytes } from "./text/decode.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";

export type ConfigFormat = "sxp" | "domain";

/** `*.sxp` and `xend-config*` are S-expressions; everything else (guest files, xl.conf) is xl syntax. */
export function detectFormat(path: string): ConfigFormat {
  const name = basename(path);
  return name.endsWith(".sxp") || name.startsWith("xend-config") || /\.sxp\./.test(name) ? "sxp" : "domain";
}

export type ParsedFile =
  | { ok: true; doc: XendConfig | DomainConfig }
  | { ok: false; diagnostic: Diagnostic };

/**
 * Bytes of a config file to a document, or the one diagnostic that says why it is not text. Never throws
 * for bad content.
 */
export function parseConfigFile(bytes: Uint8Array, file: string, format: ConfigFormat = detectFormat(file)): ParsedFile {
  const decoded = decodeConfigBytes(bytes);
  if (!decoded.ok) {
    // Line/column of a byte offset in undecodable input: count the newlines before it.
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < decoded.offset; i++) if (bytes[i] === 10) (line++, (lineStart = i + 1));
    const column = decoded.offset - lineStart + 1;
    return { ok: false, diagnostic: { file, line, column, endLine: line, endColumn: column + 1, severity: "error", code: "encoding", message: decoded.message } };
  }
  const doc = format === "sxp" ? new XendConfig(decoded.text, { file }) : new DomainConfig(decoded.text, { file });
  return { ok: true, doc };
}
