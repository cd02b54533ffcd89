import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const applyOptions = {
  root: { requiresArg: true, type: "string", describe: "file-system root of the host (default: the root the plan was made for)" },
  netns: { requiresArg: true, type: "string", describe: "run the network steps inside this network namespace (ip -n NAME)" },
  "dry-run": { type: "boolean", default: false, describe: "print what would be done and touch nothing" },
  yes: { type: "boolean", default: false, describe: "apply without asking" },
  confirm: { requiresArg: true, type: "number", describe: "roll back by itself unless `xencfg confirm` comes within SECONDS" },
  probe: { requiresArg: true, type: "string", describe: "after applying, check ADDRESS[:PORT] still answers; roll back at once if not" },
} as const;

export interface ApplyArgs {
  plan: string;
  root?: string;
  netns?: string;
  "dry-run": boolean;
  yes: boolean;
  confirm?: number;
  probe?: string;
}

export const applyCommand: XencfgCommand<ApplyArgs> = {
  command: "apply <plan>",
  describe: "apply a plan made by `xencfg migrate` to the host (files and, for live plans, links)",
  builder: (y: Argv) => y.positional("plan", { type: "string", demandOption: true, describe: "the plan JSON file" }).options(applyOptions) as any,
  handler: async (args, ctx) => {
    const { runApply } = await import("./apply-run.js");
    return runApply(args, ctx.io);
  },
};
