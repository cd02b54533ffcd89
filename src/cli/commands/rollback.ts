import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const rollbackOptions = {
  root: { requiresArg: true, type: "string", default: "/", describe: "file-system root of the host" },
  force: {
    type: "boolean",
    default: false,
    describe: "roll back even files changed since the run, saving their current content beside the run's backups first",
  },
  // The detached confirm timer runs `rollback --run ID --on-confirm-timeout`; people do not need these.
  run: { requiresArg: true, type: "string", hidden: true },
  "on-confirm-timeout": { type: "boolean", default: false, hidden: true },
} as const;

export interface RollbackArgs {
  root: string;
  force: boolean;
  run?: string;
  "on-confirm-timeout": boolean;
}

export const rollbackCommand: XencfgCommand<RollbackArgs> = {
  command: "rollback",
  describe: "undo the last applied run from its journal (also after a crash mid-run)",
  builder: (y: Argv) => y.options(rollbackOptions) as any,
  handler: async (args, ctx) => {
    const { runRollback } = await import("./rollback-run.js");
    return runRollback(args, ctx.io);
  },
};
