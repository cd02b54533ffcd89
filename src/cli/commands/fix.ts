import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const fixOptions = {
  "assign-macs": {
    type: "boolean",
    default: false,
    describe: "give every vif without mac= its stable address (as xencfg mac --for), collision-free across all guests read",
  },
  write: { type: "boolean", default: false, describe: "write the changed files (atomically, keeping mode and owner); without it, print the diff only" },
  local: { type: "boolean", default: false, describe: "with --assign-macs, stable locally administered addresses instead of 00:16:3e" },
} as const;

export interface FixArgs {
  paths: string[];
  "assign-macs": boolean;
  write: boolean;
  local: boolean;
}

export const fixCommand: XencfgCommand<FixArgs> = {
  command: "fix <paths..>",
  describe: "make safe edits to guest files (dry run by default: prints a diff; --write writes)",
  builder: (y: Argv) => y.positional("paths", { type: "string", array: true, demandOption: true, describe: "guest files or /etc/xen-like folders" }).options(fixOptions) as any,
  handler: async (args, ctx) => {
    const { runFix } = await import("./fix-run.js");
    return runFix(args, ctx.io);
  },
};
