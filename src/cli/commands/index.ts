import type { XencfgCommand } from "../main.js";
import { parseCommand } from "./parse.js";
import { lintCommand } from "./lint.js";
import { rulesCommand } from "./rules.js";
import { fmtCommand } from "./fmt.js";
import { applyCommand } from "./apply.js";
import { migrateCommand } from "./migrate.js";
import { confirmCommand } from "./confirm.js";
import { rollbackCommand } from "./rollback.js";
import { macCommand } from "./mac.js";
import { wrapperCommand } from "./wrapper.js";
import { fixCommand } from "./fix.js";

/** Every command of the CLI, in the order `xencfg --help` lists them. One import line per command. */
export const commandModules: readonly XencfgCommand<any>[] = [
  parseCommand,
  lintCommand,
  rulesCommand,
  fmtCommand,
  migrateCommand,
  applyCommand,
  rollbackCommand,
  confirmCommand,
  macCommand,
  wrapperCommand,
  fixCommand,
];
