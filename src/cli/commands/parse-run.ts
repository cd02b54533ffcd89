import { readFile } from "node:fs/promises";
import type { CliIo } from "../io.js";
import { colorOnStderr, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../io.js";
import { parseConfigFile, type ConfigFormat } from "../../parse-file.js";
import { formatDiagnostic } from "../../diagnostics/code-frame.js";
import { describeReadError } from "../read-error.js";
import { summarise } from "../summary.js";
import { join, isAbsolute } from "node:path";

export interface ParseArgs {
  files: string[];
  type?: ConfigFormat;
  json: boolean;
}

/** `xencfg parse`: each file's summary (or typed view), diagnostics on stderr. */
export async function runParse(args: ParseArgs, io: CliIo): Promise<number> {
  const frame = { color: colorOnStderr(io) };
  let exit = EXIT_OK;
  const views: object[] = [];
  for (const file of args.files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(isAbsolute(file) ? file : join(io.cwd, file));
    } catch (err) {
      io.stderr(`xencfg: cannot read ${file}: ${describeReadError(err)}\n`);
      exit = EXIT_USAGE;
      continue;
    }
    const parsed = parseConfigFile(bytes, file, args.type);
    if (!parsed.ok) {
      io.stderr(formatDiagnostic(parsed.diagnostic, undefined, frame) + "\n");
      if (exit === EXIT_OK) exit = EXIT_FINDINGS;
      if (args.json) views.push({ kind: "unreadable", file, diagnostics: [parsed.diagnostic] });
      continue;
    }
    const doc = parsed.doc;
    for (const d of doc.diagnostics) io.stderr(formatDiagnostic(d, doc.lines, frame) + "\n");
    if (doc.errors.length > 0 && exit === EXIT_OK) exit = EXIT_FINDINGS;
    if (args.json) views.push(doc.toJSON());
    else io.stdout(`${summarise(doc)}\n`);
  }
  if (args.json) io.stdout(JSON.stringify(args.files.length === 1 && views.length === 1 ? views[0] : views, null, 2) + "\n");
  return exit;
}
