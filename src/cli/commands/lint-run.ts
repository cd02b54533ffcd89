import { isAbsolute, join } from "node:path";
import type { CliIo } from "../io.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { LintArgs } from "./lint.js";
import { wholeNumber } from "../whole-number.js";
import { readHosts } from "../../host/read-host.js";
import { existingHostRoot } from "../host-root.js";
import { lintHosts, ENGINE_RULES, type LintResult } from "../../lint/engine.js";
import { allRules } from "../../lint/rules/index.js";
import { ConfigError, emptyConfig, findConfigFile, loadConfig, type LintConfig } from "../../lint/config.js";
import { isSupportedXen, parseXenVersion, SUPPORTED_XEN } from "../../lint/xen-version.js";
import { fixUntilStable, writeFixes } from "../../lint/fix.js";
import { countFindings, type Finding } from "../../lint/finding.js";
import { renderText } from "../../lint/formats/text.js";
import { renderJson } from "../../lint/formats/json.js";
import { renderSarif } from "../../lint/formats/sarif.js";
import { renderGithub } from "../../lint/formats/github.js";
import { VERSION } from "../../version.js";
import type { LineIndex } from "../../diagnostics/line-index.js";

const FIX_TYPES = ["split-spec"];

/**
 * `xencfg lint`: read every path as Xen would, lint all of it together, print one report. Exit 0 when no
 * finding is an error (and --max-warnings holds), 1 when one is, 2 for usage or I/O trouble.
 */
export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  const knownRules = [...allRules.map((r) => r.id), ...ENGINE_RULES.map((r) => r.id)];
  if (args.paths.length === 0) throw new UsageError("name at least one file or folder to lint, such as /etc/xen");
  const maxWarnings = args["max-warnings"] === undefined ? undefined : wholeNumber(args["max-warnings"]);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(`--max-warnings wants a whole number of at least 0, not ${args["max-warnings"]}`);
  const fixTypes = args["fix-type"] ?? [];
  for (const t of fixTypes) if (!FIX_TYPES.includes(t)) throw new UsageError(`unknown --fix-type ${t}; known: ${FIX_TYPES.join(", ")}`);
  if (fixTypes.length > 0 && !args.fix) throw new UsageError("--fix-type does nothing without --fix");
  if (args.xen !== undefined) {
    const xen = parseXenVersion(args.xen);
    if (!xen) throw new UsageError(`--xen wants a version such as 3.0, 3.2, 4.1 or xl, not ${JSON.stringify(args.xen)}`);
    if (!isSupportedXen(xen)) throw new UsageError(`--xen ${args.xen}: xencfg knows Xen from 3.0 on: ${SUPPORTED_XEN}`);
  }

  let config: LintConfig;
  try {
    config = await resolveConfig(args, io, knownRules);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`xencfg: ${err.message}\n`);
    return EXIT_USAGE;
  }
  if (args.verbose) io.stderr(config.path ? `xencfg: using config ${config.path}\n` : "xencfg: no xencfg.config.json found; using defaults\n");
  const xenText = args.xen ?? config.xenText;
  const options = {
    rules: allRules,
    settings: config.rules,
    xen: xenText === undefined ? undefined : parseXenVersion(xenText),
    declaredBridges: config.bridges,
    knownRuleIds: knownRules,
  };

  let root: string | undefined;
  if (args.root !== undefined) {
    // A fix is written through the file's links as this machine resolves them, which for a copy's
    // absolute links is this machine's /etc/xen: never write there on behalf of another host.
    if (args.fix) throw new UsageError("--fix cannot be combined with --root: fixes would be written through the copy's links as this machine resolves them; fix the files by their own paths instead");
    root = await existingHostRoot(io.cwd, args.root);
  }
  const read = await readHosts(args.paths, { cwd: io.cwd, ...(root === undefined ? {} : { root }) });
  if (args.verbose) for (const s of read.skipped) io.stderr(`xencfg: skipped ${s.path}: ${s.reason}\n`);
  let result: LintResult;
  if (args.fix) {
    const fixed = fixUntilStable(read, options, { types: fixTypes });
    result = fixed.result;
    try {
      await writeFixes(fixed.changes, io.cwd);
    } catch (err) {
      io.stderr(`xencfg: cannot write a fixed file: ${(err as Error).message}\n`);
      return EXIT_USAGE;
    }
    for (const c of fixed.changes) {
      const rules = [...new Set(c.fixed.map((f) => f.rule))].join(", ");
      io.stderr(`xencfg: fixed ${c.fixed.length} problem${c.fixed.length === 1 ? "" : "s"} in ${c.file} (${rules})\n`);
    }
  } else result = lintHosts(read, options);

  const report = render(args, io, result);
  if (args.output) {
    // Imported here: it loads node:crypto (about 4 ms), and a pre-commit lint of one file never writes.
    const { writeFileAtomic } = await import("../../fs/atomic-write.js");
    try {
      await writeFileAtomic(isAbsolute(args.output) ? args.output : join(io.cwd, args.output), report);
    } catch (err) {
      io.stderr(`xencfg: cannot write ${args.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT_USAGE;
    }
  } else io.stdout(report);

  return exitCode(result.findings, result.ioTrouble, maxWarnings, io);
}

async function resolveConfig(args: LintArgs, io: CliIo, knownRules: string[]): Promise<LintConfig> {
  const abs = (p: string) => (isAbsolute(p) ? p : join(io.cwd, p));
  if (args.config !== undefined) return loadConfig(abs(args.config), knownRules);
  const found = await findConfigFile(abs(args.paths[0]!));
  if (!found) return emptyConfig();
  for (const p of args.paths.slice(1)) {
    const other = await findConfigFile(abs(p));
    if (other && other !== found) io.stderr(`xencfg: warning: ${p} has its own ${other}, but one run uses one config: ${found} (lint it separately or pass --config)\n`);
  }
  return loadConfig(found, knownRules);
}

function render(args: LintArgs, io: CliIo, result: LintResult): string {
  switch (args.format) {
    case "json":
      return renderJson(result.findings);
    case "sarif":
      return renderSarif(result.findings, [...allRules, ...ENGINE_RULES], VERSION);
    case "github":
      return renderGithub(result.findings);
    default: {
      const terminal = io.isTTY && !args.output;
      const sources = new Map<string, LineIndex>([...result.documents].map(([file, doc]) => [file, doc.lines]));
      return renderText(result.findings, { frames: terminal, color: terminal && !io.env.NO_COLOR, sources, fileCount: result.fileCount });
    }
  }
}

function exitCode(findings: readonly Finding[], ioTrouble: boolean, maxWarnings: number | undefined, io: CliIo): number {
  if (ioTrouble) return EXIT_USAGE;
  const c = countFindings(findings);
  if (c.error > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && c.warning > maxWarnings) {
    io.stderr(`xencfg: ${c.warning} warning${c.warning === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
