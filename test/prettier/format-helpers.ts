import * as prettier from "prettier";
import plugin from "../../src/prettier/plugin.js";
import { CFG_PARSER, SXP_PARSER } from "../../src/prettier/languages.js";
import { detectFormat } from "../../src/parse-file.js";
import { parseDomainConfig } from "../../src/domain/domain-config.js";
import { parseXendConfig } from "../../src/xend/xend-config.js";
import type { ConfigFormat } from "../../src/parse-file.js";

/** Formats text through Prettier's public API with the plugin, as an editor integration would. */
export function format(text: string, formatOrPath: ConfigFormat | string, options: Record<string, unknown> = {}): Promise<string> {
  const kind = formatOrPath === "sxp" || formatOrPath === "domain" ? formatOrPath : detectFormat(formatOrPath);
  return prettier.format(text, { ...options, parser: kind === "sxp" ? SXP_PARSER : CFG_PARSER, plugins: [plugin] });
}

export function parseAs(text: string, kind: ConfigFormat) {
  return kind === "sxp" ? parseXendConfig(text) : parseDomainConfig(text);
}

/** The comments of a document, in order, as the formatter keeps them (trailing blanks dropped). */
export function commentTexts(text: string, kind: ConfigFormat): string[] {
  // Comments inside xm Python statements count too: they are kept inside the verbatim statement.
  return parseAs(text, kind).tree.comments.map((c) => text.slice(c.start, c.end).trimEnd());
}
