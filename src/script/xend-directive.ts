import { posix } from "node:path";

/** Where xend looks for network scripts named without a directory (XendOptions.network_script_dir). */
export const DEFAULT_SCRIPTS_DIR = "/etc/xen/scripts";

/** The wrapper's file name when none is chosen: the name the seed article's recipe saves it under. */
export const DEFAULT_WRAPPER_NAME = "network-wrapper";

/**
 * The xend-config.sxp line that makes xend run the wrapper at `wrapperPath` with `start` and `stop`.
 * xend joins the first word of the value to its scripts directory with os.path.join
 * (XendOptions.get_network_script @ pre-removal): a bare name is looked up there, an absolute path is
 * used as it is. So a wrapper in `scriptsDir` is named bare, like the stock `(network-script network-bridge)`,
 * and one elsewhere by its absolute path.
 */
export function networkScriptDirective(wrapperPath: string, scriptsDir: string = DEFAULT_SCRIPTS_DIR): string {
  const inScriptsDir = posix.dirname(wrapperPath) === posix.normalize(scriptsDir).replace(/\/$/, "");
  return `(network-script ${inScriptsDir ? posix.basename(wrapperPath) : wrapperPath})`;
}
