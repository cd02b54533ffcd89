import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const rulesOptions = {
  format: { requiresArg: true, choices: ["text", "json"] as const, default: "text", describe: "output format" },
} as const;

export const rulesCommand: XencfgCommand<{ format: "text" | "json" }> = {
  command: "rules",
  describe: "list the lint rules: id, default severity, whether --fix fixes it, description",
  builder: (y: Argv) => y.options(rulesOptions) as any,
  handler: async (args, ctx) => {
    const { runRules } = await import("./rules-run.js");
    return runRules(args, ctx.io);
  },
};
