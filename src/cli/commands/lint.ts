import type { Argv } from "yargs";
import type { XencfgCommand } from "../main.js";

export const lintOptions = {
  format: { requiresArg: true, alias: "f", choices: ["text", "json", "sarif", "github"] as const, default: "text", describe: "output format" },
  xen: { requiresArg: true, type: "string", describe: "the host's Xen version, 3.0 or later (3.0, 3.2, 4.1, ... or xl); default: accept what some xend-era version accepts" },
  config: { requiresArg: true, alias: "c", type: "string", describe: "config file (default: the nearest xencfg.config.json at or above the first PATH)" },
  "max-warnings": { requiresArg: true, type: "string", describe: "exit 1 when there are more warnings than this" },
  fix: { type: "boolean", default: false, describe: "apply the safe fixes (lower-case MACs, straight quotes) and write the files atomically" },
  // One kind per flag, repeatable (yargs gathers repeats): an array option would swallow the paths after
  // it, so `lint --fix --fix-type split-spec /etc/xen` would lose its folder.
  "fix-type": {
    requiresArg: true,
    type: "string",
    choices: ["split-spec"] as const,
    coerce: (v: string | string[]) => (Array.isArray(v) ? v : [v]),
    describe: "with --fix, also apply this kind of fix (repeatable; split-spec: merge a split vif list)",
  },
  root: {
    requiresArg: true,
    type: "string",
    describe: "file-system root of the host the paths belong to (a copy or mounted image): links such as auto/db1.cfg -> /etc/xen/db1.cfg resolve inside it, as on that host",
  },
  verbose: { type: "boolean", default: false, describe: "say which files were skipped and why, and which config file is used" },
  output: { requiresArg: true, alias: "o", type: "string", describe: "write the report to this file instead of stdout" },
} as const;

export interface LintArgs {
  paths: string[];
  format: "text" | "json" | "sarif" | "github";
  xen?: string;
  config?: string;
  "max-warnings"?: string;
  fix: boolean;
  "fix-type"?: string[];
  root?: string;
  verbose: boolean;
  output?: string;
}

export const lintCommand: XencfgCommand<LintArgs> = {
  command: "lint <paths..>",
  describe: "check guest files, xend-config.sxp and /etc/xen-like folders (all together, for cross-file faults)",
  builder: (y: Argv) => y.positional("paths", { type: "string", array: true, demandOption: true, describe: "files or /etc/xen-like folders" }).options(lintOptions) as any,
  handler: async (args, ctx) => {
    const { runLint } = await import("./lint-run.js");
    return runLint(args, ctx.io);
  },
};
