import { readFile } from "node:fs/promises";
import { posix } from "node:path";
import { writeFileAtomic } from "../../fs/atomic-write.js";
import { atLeast, isSupportedXen, parseXenVersion, SUPPORTED_XEN } from "../../lint/xen-version.js";
import { parseBridgePairs } from "../../script/bridge-pair.js";
import { generateNetworkWrapper, type WrapperForm } from "../../script/network-wrapper.js";
import { validateScriptPath } from "../../script/script-path.js";
import { DEFAULT_WRAPPER_NAME, networkScriptDirective } from "../../script/xend-directive.js";
import { parseXendConfig } from "../../xend/xend-config.js";
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { WrapperArgs } from "./wrapper.js";

const DEFAULT_XEND_CONFIG = "/etc/xen/xend-config.sxp";

/** `xencfg wrapper`: the script on stdout (or in -o FILE); notes, warnings and the directive on stderr. */
export async function runWrapper(args: WrapperArgs, io: CliIo): Promise<number> {
  const form = chooseForm(args, io);
  const xen = args.xen === undefined ? undefined : parseXenVersion(args.xen);
  // NIC=NIC is how Xen 3.2-4.0's network-bridge runs without netdev= (migrate writes it for such hosts).
  const nicNamed = form === "network-bridge" && (xen === undefined || atLeast(xen, 3, 2));
  const pairs = parseBridgePairs(args.bridge, { networkBridge: form === "network-bridge", nicNamed });
  if (!pairs.ok) throw new UsageError(pairs.message);
  const scriptsDir = checkedPath("--scripts-dir", posix.normalize(args["scripts-dir"]).replace(/(.)\/$/, "$1"));
  const wrapperPath = args.output === undefined ? `${scriptsDir}/${DEFAULT_WRAPPER_NAME}` : checkedPath("-o", posix.resolve(io.cwd, args.output));

  const text = generateNetworkWrapper({ form, pairs: pairs.pairs, scriptsDir, wrapperPath });
  const directive = networkScriptDirective(wrapperPath, scriptsDir);
  await checkXendConfig(args["xend-config"], wrapperPath, scriptsDir, directive, io);

  if (args.output === undefined) {
    io.stdout(text);
    if (args["print-directive"]) io.stderr(`xend-config.sxp: ${directive}\n`);
    return EXIT_OK;
  }
  try {
    await writeFileAtomic(wrapperPath, text, { mode: 0o755 });
  } catch (err) {
    io.stderr(`xencfg wrapper: cannot write ${args.output}: ${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (args["print-directive"]) io.stdout(`${directive}\n`);
  return EXIT_OK;
}

/**
 * `--form` as given, else the form `--xen` calls for, else network-bridge with a note: from Xen 4.1
 * (commit edf9a6a284) network-bridge returns at once when any bridge exists, so its second call is a no-op.
 */
function chooseForm(args: WrapperArgs, io: CliIo): WrapperForm {
  const xen = args.xen === undefined ? undefined : parseXenVersion(args.xen);
  if (args.xen !== undefined && xen === undefined) throw new UsageError(`--xen ${JSON.stringify(args.xen)}: expected a version such as 3.0, 4.0, 4.1 or xl`);
  if (xen !== undefined && !isSupportedXen(xen)) throw new UsageError(`--xen ${args.xen}: xencfg knows Xen from 3.0 on: ${SUPPORTED_XEN}`);
  const needsIproute2 = xen !== undefined && atLeast(xen, 4, 1);
  if (xen?.xl) {
    io.stderr(`xencfg wrapper: note: Xen ${args.xen} has no xend, so nothing runs a network-script; run the wrapper with 'start' from the boot scripts\n`);
  }
  if (args.form === "network-bridge" && needsIproute2) {
    throw new UsageError(
      `--form network-bridge does not work on Xen ${args.xen}: from 4.1 on network-bridge returns at once when any bridge exists, so only the first bridge would be built; use --form iproute2`,
    );
  }
  if (args.form) return args.form;
  if (xen !== undefined) return needsIproute2 ? "iproute2" : "network-bridge";
  io.stderr("xencfg wrapper: note: this wrapper calls network-bridge, which builds only the first bridge on Xen 4.1 and later; for those pass --xen VERSION or --form iproute2\n");
  return "network-bridge";
}

function checkedPath(option: string, path: string): string {
  const r = validateScriptPath(path);
  if (!r.ok) throw new UsageError(`${option}: ${r.message}`);
  return r.path;
}

/**
 * Warns when the host's xend-config.sxp would not run the wrapper: no network-script at all, or one that
 * names another file, which is the seed article's trap (the script saved as network-wrapper, the directive
 * naming network-bridge-wrapper: xend then fails to start networking and says little about why).
 */
async function checkXendConfig(option: string | undefined, wrapperPath: string, scriptsDir: string, directive: string, io: CliIo): Promise<void> {
  if (option === "") return;
  const file = option === undefined ? DEFAULT_XEND_CONFIG : posix.resolve(io.cwd, option);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if (option === undefined && (err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new UsageError(`--xend-config ${option ?? file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const shown = option ?? file;
  const xend = parseXendConfig(text, { file: shown });
  const call = xend.networkScript;
  const warn = (where: string, message: string) => io.stderr(`${where}: warning: ${message}\n`);
  if (!call) {
    warn(shown, `there is no (network-script ...) directive, so xend runs no network script; add ${directive}`);
    return;
  }
  const at = xend.position(call.scriptSpan.start);
  const where = `${shown}:${at.line}:${at.column}`;
  const named = call.script.startsWith("/") ? call.script : posix.join(scriptsDir, call.script);
  if (named !== wrapperPath) {
    warn(
      where,
      `network-script names '${call.script}', but the wrapper is ${wrapperPath}: xend would not run it. Change the directive to ${directive}, or write the wrapper as ${named}`,
    );
  } else if (call.args.length > 0) {
    warn(where, `network-script passes '${call.args.map((a) => xend.slice(a.span)).join(" ")}' to the wrapper, which ignores them: its bridges are written into it`);
  }
}
