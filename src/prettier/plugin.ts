import type { Plugin } from "prettier";
import type { XenNode } from "./ast.js";
import { languages } from "./languages.js";
import { options } from "./options.js";
import { AST_FORMAT, parsers } from "./parser.js";
import { printer } from "./printer.js";

/**
 * The Prettier plugin for xend-config.sxp and guest cfg files, importable as `xencfg/prettier`:
 * `prettier --plugin=xencfg/prettier --write /etc/xen/xend-config.sxp /etc/xen/*.cfg`.
 */
const plugin = {
  languages,
  parsers,
  printers: { [AST_FORMAT]: printer },
  options,
} satisfies Plugin<XenNode>;

export default plugin;
export { languages, parsers, options };
export const printers = plugin.printers;
