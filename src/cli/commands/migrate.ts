import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const migrateOptions = {
  root: { requiresArg: true, type: "string", default: "/", describe: "file-system root of the host; configs are read from ROOT/etc/xen" },
  bridge: { requiresArg: true, type: "string", array: true, default: [] as string[], describe: "BRIDGE=NETDEV: add a bridge on a NIC, or confirm an existing one (repeatable)" },
  move: { requiresArg: true, type: "string", array: true, default: [] as string[], describe: "GUEST[.DEVID]=BRIDGE: put a guest's vif (all its vifs without .DEVID) on a bridge; GUEST may be a glob (repeatable)" },
  live: { type: "boolean", default: false, describe: "also bring the new bridges up now, the way network-bridge does" },
  netns: { requiresArg: true, type: "string", describe: "with --live, read the links of this network namespace" },
  "pin-default": { type: "boolean", default: false, describe: "write bridge= on vifs without one, naming the bridge they use today" },
  xen: { requiresArg: true, type: "string", describe: "the host's Xen version (3.0-4.4): which network-bridge defaults apply, and the wrapper form (network-bridge before 4.1, iproute2 from 4.1)" },
  form: { requiresArg: true, choices: ["iproute2", "network-bridge"] as const, describe: "how the network-wrapper builds bridges: iproute2 (any Xen; needed from 4.1) or network-bridge calls (Xen 3.0-4.0); default from --xen, else iproute2" },
  json: { type: "boolean", default: false, describe: "print the plan as JSON instead of readable steps and diffs" },
  output: { requiresArg: true, alias: "o", type: "string", describe: "also write the plan JSON to this file (for xencfg apply)" },
} as const;

export interface MigrateArgs {
  root: string;
  bridge: string[];
  move: string[];
  live: boolean;
  netns?: string;
  "pin-default": boolean;
  xen?: string;
  form?: "iproute2" | "network-bridge";
  json: boolean;
  output?: string;
}

export const migrateCommand: XencfgCommand<MigrateArgs> = {
  command: "migrate",
  describe: "plan the move of a host to several bridges (never changes the host; apply the plan with xencfg apply)",
  builder: (y: Argv) => y.options(migrateOptions) as any,
  handler: async (args, ctx) => {
    const { runMigrate } = await import("./migrate-run.js");
    return runMigrate(args, ctx.io);
  },
};
