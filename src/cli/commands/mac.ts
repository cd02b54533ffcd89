import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const macOptions = {
  count: { requiresArg: true, alias: "n", type: "string", describe: "how many random addresses to print (default 1)" },
  avoid: {
    requiresArg: true,
    type: "string",
    array: true,
    default: [] as string[],
    describe: "PATH...: never print an address a guest under these files or /etc/xen-like folders uses",
  },
  for: {
    requiresArg: true,
    type: "string",
    array: true,
    default: [] as string[],
    describe: "NAME[.DEVID]: the stable address of this guest's interface (DEVID defaults to 0; repeatable)",
  },
  local: { type: "boolean", default: false, describe: "locally administered unicast addresses (46 random bits) instead of 00:16:3e" },
} as const;

export interface MacArgs {
  count?: string;
  avoid: string[];
  for: string[];
  local: boolean;
}

export const macCommand: XencfgCommand<MacArgs> = {
  command: "mac",
  describe: "print random (or, with --for, stable per-guest) MAC addresses for vif mac= keys",
  builder: (y: Argv) => y.options(macOptions) as any,
  handler: async (args, ctx) => {
    const { runMac } = await import("./mac-run.js");
    return runMac(args, ctx.io);
  },
};
