import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const confirmOptions = {
  root: { requiresArg: true, type: "string", default: "/", describe: "file-system root of the host" },
} as const;

export const confirmCommand: XencfgCommand<{ root: string }> = {
  command: "confirm",
  describe: "keep the run applied with --confirm (stops its rollback timer)",
  builder: (y: Argv) => y.options(confirmOptions) as any,
  handler: async (args, ctx) => {
    const { runConfirm } = await import("./confirm-run.js");
    return runConfirm(args, ctx.io);
  },
};
