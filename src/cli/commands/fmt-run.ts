import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import * as prettier from "prettier";
import type { CliIo } from "../io.js";
import { colorOnStderr, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { FmtArgs } from "./fmt.js";
import { parseConfigFile } from "../../parse-file.js";
import { formatDiagnostic } from "../../diagnostics/code-frame.js";
import { describeReadError } from "../read-error.js";
import { writeFileAtomic } from "../../fs/atomic-write.js";
import plugin from "../../prettier/plugin.js";
import { CFG_PARSER, SXP_PARSER } from "../../prettier/languages.js";
import { sameMeaning } from "../../prettier/same-meaning.js";

/**
 * `xencfg fmt`: formats each file with the Prettier plugin. A file with syntax errors gets every error as a
 * located diagnostic and is left as it is: a formatter that guessed at a broken file could change what it
 * means. Exit: 0 clean, 1 unformatted files (--check) or files with errors, 2 unreadable files or bad usage.
 */
export async function runFmt(args: FmtArgs, io: CliIo): Promise<number> {
  if (args.check && args.write) throw new UsageError("--check and --write do not go together: --check changes nothing");
  const frame = { color: colorOnStderr(io) };
  let exit = EXIT_OK;
  const raise = (code: number) => void (exit = Math.max(exit, code));
  const unformatted: string[] = [];
  for (const file of args.files) {
    const path = isAbsolute(file) ? file : join(io.cwd, file);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      io.stderr(`xencfg: cannot read ${file}: ${describeReadError(err)}\n`);
      raise(EXIT_USAGE);
      continue;
    }
    const parsed = parseConfigFile(bytes, file, args.type);
    if (!parsed.ok) {
      io.stderr(formatDiagnostic(parsed.diagnostic, undefined, frame) + "\n");
      raise(EXIT_FINDINGS);
      continue;
    }
    const doc = parsed.doc;
    const problems = doc.syntaxProblems;
    if (problems.length > 0) {
      for (const d of problems) io.stderr(formatDiagnostic(d, doc.lines, frame) + "\n");
      io.stderr(`xencfg: ${file} not formatted: fix the ${problems.length === 1 ? "syntax problem" : `${problems.length} syntax problems`} first\n`);
      raise(EXIT_FINDINGS);
      continue;
    }
    // Prettier turns every CR into a line break before the plugin sees the text; to xl and xend a CR that
    // is not part of a CRLF is a character (a comment or string runs on past it), so formatting could
    // uncomment a setting or change a value.
    const loneCr = doc.text.search(/\r(?!\n)/);
    if (loneCr !== -1) {
      const d = doc.diagnosticAt({ start: loneCr, end: loneCr + 1 }, "error", "line-break", "a carriage return (CR) that does not end a CRLF line break: Prettier would read it as a line break, xl and xend do not; remove it or make it a real line break");
      io.stderr(formatDiagnostic(d, doc.lines, frame) + "\n");
      io.stderr(`xencfg: ${file} not formatted: fix the line break first\n`);
      raise(EXIT_FINDINGS);
      continue;
    }
    let config: prettier.Options;
    try {
      config = (await prettier.resolveConfig(path, { editorconfig: true })) ?? {};
    } catch (err) {
      io.stderr(`xencfg: cannot read the Prettier configuration for ${file}: ${(err as Error).message}\n`);
      raise(EXIT_USAGE);
      continue;
    }
    let formatted: string;
    try {
      formatted = await prettier.format(doc.text, {
        ...config,
        ...(args.quote ? { xenQuote: args.quote } : {}),
        filepath: path,
        parser: doc.kind === "xend" ? SXP_PARSER : CFG_PARSER,
        plugins: [plugin],
      });
    } catch (err) {
      // Syntax errors were reported above; what is left is an option the formatter refuses (endOfLine "cr").
      io.stderr(`xencfg: cannot format ${file}: ${(err as Error).message}\n`);
      raise(EXIT_USAGE);
      continue;
    }
    if (args.write || args.check) {
      if (formatted === doc.text) continue;
      if (args.check) {
        unformatted.push(file);
        io.stdout(`${file}\n`);
        raise(EXIT_FINDINGS);
        continue;
      }
      const again = parseConfigFile(new TextEncoder().encode(formatted), file, args.type);
      // A guard against a formatter bug, never expected to fire: the file is only replaced by text that
      // means the same to Xen.
      if (!again.ok || again.doc.errors.length > 0 || !sameMeaning(doc, again.doc)) {
        io.stderr(`xencfg: internal error: formatting ${file} would change its meaning; left unchanged (please report this)\n`);
        raise(EXIT_USAGE);
        continue;
      }
      try {
        await writeFileAtomic(path, formatted);
      } catch (err) {
        io.stderr(`xencfg: cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        raise(EXIT_USAGE);
        continue;
      }
      io.stdout(`${file}\n`);
    } else io.stdout(formatted);
  }
  if (unformatted.length > 0) {
    io.stderr(`xencfg: ${unformatted.length === 1 ? "1 file is" : `${unformatted.length} files are`} not formatted; run xencfg fmt --write to format ${unformatted.length === 1 ? "it" : "them"}\n`);
  }
  return exit;
}
