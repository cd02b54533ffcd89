import yargs, { type Argv, type CommandModule } from "yargs";
import { type CliIo, EXIT_USAGE, UsageError } from "./io.js";
import { HostStateError } from "../apply/host-state-error.js";
import { commandModules } from "./commands/index.js";
import { VERSION } from "../version.js";

/** Context every handler receives beside its parsed arguments. */
export interface CommandContext {
  io: CliIo;
  /** Set by the handler; `run` returns it. */
  exitCode: number;
}

/**
 * Builds the parser, runs one command line and returns the exit code. Never calls process.exit, so the
 * tests drive it in-process with a captured `io`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: 0 };
  // yargs silently drops a lone '-' from a command's file list: `xencfg fmt -` did nothing and exited 0.
  const dash = argv.indexOf("-");
  if (dash !== -1 && !argv.slice(0, dash).includes("--")) {
    io.stderr("xencfg: '-' (standard input) is not supported: name the file to read\n");
    return EXIT_USAGE;
  }
  let usageFailure: string | undefined;
  const parser: Argv = yargs([...argv])
    .scriptName("xencfg")
    // Every message of xencfg is English; yargs would translate only its own (usage errors, --help
    // headings) from LANG, leaving mixed text. Its translations also ship as files beside its source,
    // which the bundled CLI does not carry, so the built CLI and the source would disagree.
    .locale("en")
    .usage("$0 <command> [options]\n\nRead, check, write and apply Xen host-networking configuration.")
    .version(VERSION)
    .help()
    .alias("h", "help")
    .strict()
    .demandCommand(1, "name a command; see xencfg --help")
    .recommendCommands()
    // Unwrapped when piped (help text in files and CI logs); the terminal width otherwise.
    .wrap(io.isTTY ? Math.min(120, process.stdout.columns ?? 80) : null)
    .exitProcess(false)
    .fail((msg, err) => {
      // YError is yargs' own: a command line it could not parse, such as an option missing its value.
      if (err && !(err instanceof UsageError) && err.name !== "YError") throw err;
      // Thrown, not recorded: yargs checks the command line just before the handler and goes on to run it
      // unless this throws, so `apply plan --yes --dryrun` would apply and only then report the typo.
      throw err instanceof UsageError ? err : new UsageError(err?.message ?? msg ?? "invalid command line");
    });
  for (const mod of commandModules) parser.command(withContext(mod, ctx));
  let output = "";
  try {
    await parser.parseAsync([...argv], {}, (_err, _argv, out) => {
      output = out ?? "";
    });
  } catch (err) {
    if (err instanceof UsageError) usageFailure = err.message;
    else if (err instanceof HostStateError) {
      io.stderr(`xencfg: ${err.message}\n`);
      return EXIT_USAGE;
    } else {
      io.stderr(`xencfg: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      return 70;
    }
  }
  if (output) io.stdout(output.endsWith("\n") ? output : `${output}\n`);
  if (usageFailure !== undefined) {
    io.stderr(`xencfg: ${usageFailure}\n`);
    return EXIT_USAGE;
  }
  return ctx.exitCode;
}

/**
 * A command module whose handler gets the context and returns its exit code. Every option that takes a
 * value is declared `requiresArg`: without it yargs reads `--root` or `--confirm` at the end of a line as
 * empty (or its default) and the command runs on, e.g. `apply --yes --confirm` applied with no timer.
 */
export interface XencfgCommand<T = Record<string, unknown>> {
  command: string | readonly string[];
  describe: string;
  builder: (y: Argv) => Argv<T>;
  handler: (args: T, ctx: CommandContext) => Promise<number> | number;
}

function withContext(mod: XencfgCommand<any>, ctx: CommandContext): CommandModule {
  return {
    command: mod.command as string | string[],
    describe: mod.describe,
    builder: mod.builder as CommandModule["builder"],
    handler: async (args) => {
      ctx.exitCode = await mod.handler(args, ctx);
    },
  };
}
