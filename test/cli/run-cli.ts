import { run } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { ROOT } from "../core/corpus-files.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one xencfg command line in-process with captured output, as the bin would. */
export async function runCli(argv: string[], overrides: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    stdinIsTTY: false,
    cwd: ROOT,
    env: {},
    ...overrides,
  });
  return { code, stdout, stderr };
}
