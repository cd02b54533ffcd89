import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const fmtOptions = {
  check: { type: "boolean", describe: "list the files that are not formatted and exit 1 if there are any; change nothing" },
  write: { type: "boolean", describe: "rewrite files that are not formatted, in place and atomically" },
  type: { requiresArg: true, choices: ["sxp", "domain"] as const, describe: "force the file format instead of guessing it from the name" },
  quote: { requiresArg: true, choices: ["auto", "single", "double"] as const, describe: "quote for strings (default: the file's majority, or xenQuote from a Prettier config)" },
} as const;

export interface FmtArgs {
  files: string[];
  check?: boolean;
  write?: boolean;
  type?: "sxp" | "domain";
  quote?: "auto" | "single" | "double";
}

export const fmtCommand: XencfgCommand<FmtArgs> = {
  command: "fmt <files..>",
  describe: "format xend-config.sxp and guest cfg files in the house style (prints to stdout unless --check or --write)",
  builder: (y: Argv) => y.positional("files", { type: "string", array: true, demandOption: true }).options(fmtOptions) as any,
  handler: async (args, ctx) => {
    // Prettier costs ~63 ms to import: only this command pays it.
    const { runFmt } = await import("./fmt-run.js");
    return runFmt(args, ctx.io);
  },
};
