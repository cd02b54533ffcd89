import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

const options = {
  type: { requiresArg: true, choices: ["sxp", "domain"] as const, describe: "force the file format instead of guessing it from the name" },
  json: { type: "boolean", default: false, describe: "print the typed view as JSON" },
} as const;

export const parseCommand: XencfgCommand<{ files: string[]; type?: "sxp" | "domain"; json: boolean }> = {
  command: "parse <files..>",
  describe: "parse config files and summarise them (xend-config.sxp or guest cfg)",
  builder: (y: Argv) => y.positional("files", { type: "string", array: true, demandOption: true }).options(options) as any,
  handler: async (args, ctx) => {
    const { runParse } = await import("./parse-run.js");
    return runParse(args, ctx.io);
  },
};
