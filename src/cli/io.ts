/** Everything a command may touch of its process, injected so tests run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colours, code frames). */
  isTTY: boolean;
  /** Whether stderr is a terminal (colour in the diagnostics parse and fmt print there). */
  stderrIsTTY?: boolean;
  /** Whether stdin is a terminal (interactive confirmation). */
  stdinIsTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Reads one line of an answer from the user; only called when stdinIsTTY. */
  prompt?(question: string): Promise<string>;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A usage or I/O problem that ends a command with exit code 2 and a one-line message. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Colour for diagnostics on stderr: only when stderr is a terminal, and never with NO_COLOR set (no-color.org). */
export function colorOnStderr(io: CliIo): boolean {
  return io.stderrIsTTY === true && !io.env.NO_COLOR;
}
