import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const wrapperOptions = {
  bridge: { requiresArg: true, type: "string", array: true, default: [] as string[], describe: "BRIDGE=NETDEV: a bridge and the NIC it is built on, in start order (repeatable)" },
  "scripts-dir": { requiresArg: true, type: "string", default: "/etc/xen/scripts", describe: "Xen's scripts folder: where network-bridge lives and xend looks up script names" },
  output: { requiresArg: true, alias: "o", type: "string", describe: "write the wrapper to FILE (atomically, mode 0755) instead of stdout" },
  xen: { requiresArg: true, type: "string", describe: "the host's Xen version (3.0 ... 4.4, or xl for a toolstack without xend): picks the form that works there" },
  form: { requiresArg: true, choices: ["network-bridge", "iproute2"] as const, describe: "network-bridge: call Xen's script per bridge (Xen < 4.1); iproute2: build bridges with ip (4.1 and later)" },
  "print-directive": { type: "boolean", default: false, describe: "also print the xend-config.sxp line that makes xend run the wrapper" },
  "xend-config": {
    requiresArg: true,
    type: "string",
    describe: "the host's xend-config.sxp, to check its network-script names the wrapper (default /etc/xen/xend-config.sxp if present; '' skips)",
  },
} as const;

export interface WrapperArgs {
  bridge: string[];
  "scripts-dir": string;
  output?: string;
  xen?: string;
  form?: "network-bridge" | "iproute2";
  "print-directive": boolean;
  "xend-config"?: string;
}

export const wrapperCommand: XencfgCommand<WrapperArgs> = {
  command: "wrapper",
  describe: "generate a network-wrapper script that sets up several bridges (for xend's network-script)",
  builder: (y: Argv) => y.options(wrapperOptions) as any,
  handler: async (args, ctx) => {
    const { runWrapper } = await import("./wrapper-run.js");
    return runWrapper(args, ctx.io);
  },
};
