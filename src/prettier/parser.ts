import type { Parser } from "prettier";
import type { ConfigDocument } from "../ast/config-document.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseDomainConfig } from "../domain/domain-config.js";
import { parseXendConfig } from "../xend/xend-config.js";
import { adaptDomainConfig } from "./adapt-domain.js";
import { adaptXendConfig } from "./adapt-sxp.js";
import type { XenNode } from "./ast.js";
import { CFG_PARSER, SXP_PARSER } from "./languages.js";

export const AST_FORMAT = "xencfg";

/**
 * The error Prettier expects from a parser: a SyntaxError with a 1-based `loc`, from which it prints a
 * code frame. Only the first error is thrown (Prettier shows one); `xencfg fmt` and `xencfg parse` list
 * them all.
 */
export class XenSyntaxError extends SyntaxError {
  override name = "SyntaxError";
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };

  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.message} [${diagnostic.code}] (${diagnostic.line}:${diagnostic.column})`);
    this.loc = { start: { line: diagnostic.line, column: diagnostic.column }, end: { line: diagnostic.endLine, column: diagnostic.endColumn } };
  }
}

function throwFirstError(doc: ConfigDocument): void {
  const first = doc.syntaxProblems[0];
  if (first) throw new XenSyntaxError(first);
}

/**
 * Prettier writes line breaks as `endOfLine` says; "cr" (also what "auto" picks for a file with classic Mac
 * line breaks) would write lone CRs, which xl and xend read as ordinary characters: a comment would run on
 * past them over the settings after it.
 */
function refuseCrLineBreaks(options: { endOfLine?: string }): void {
  if (options.endOfLine === "cr") throw new Error('endOfLine "cr" is not supported: a lone CR is no line break to xl, xm or xend; use "lf" (xl also refuses the CR of a CRLF line end, see the xl-whitespace rule)');
}

/**
 * With `tabWidth: 0` (and spaces) a nested list that breaks onto its own line starts in the first column,
 * where a '(' opens the next directive to a reader of xend-config.sxp (xencfg's reader reports it, and
 * the formatted file would not mean what it did).
 */
function refuseFlushNesting(options: { tabWidth?: number; useTabs?: boolean }): void {
  if (!options.useTabs && options.tabWidth !== undefined && options.tabWidth < 1) {
    throw new Error(`tabWidth ${options.tabWidth} is not supported for xend-config.sxp: a nested list would start in the first column, where '(' opens a new directive; use 1 or more`);
  }
}

const locStart = (node: XenNode): number => node.span.start;
const locEnd = (node: XenNode): number => node.span.end;

export const parsers = {
  [SXP_PARSER]: {
    astFormat: AST_FORMAT,
    locStart,
    locEnd,
    parse: (text, options) => {
      refuseCrLineBreaks(options);
      refuseFlushNesting(options);
      const doc = parseXendConfig(text, { file: options.filepath });
      throwFirstError(doc);
      return adaptXendConfig(doc);
    },
  },
  [CFG_PARSER]: {
    astFormat: AST_FORMAT,
    locStart,
    locEnd,
    parse: (text, options) => {
      refuseCrLineBreaks(options);
      const doc = parseDomainConfig(text, { file: options.filepath });
      throwFirstError(doc);
      return adaptDomainConfig(doc);
    },
  },
} satisfies Record<string, Parser<XenNode>>;
