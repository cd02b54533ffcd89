import { basename } from "node:path";
import type { XendConfig } from "../xend/xend-config.js";

/**
 * How xend reads a directive's value (XendOptions.py @ pre-removal, XendRoot.py in 3.0):
 * - `bool`: get_config_bool, `str(value).lower()` in yes/y/1/on/true/t or no/n/0/off/false/f, else xend
 *   refuses to start ("invalid xend config NAME: expected bool"). Xen 3.0's XendRoot knew fewer spellings;
 *   the linter accepts what some version accepts.
 * - `int`: get_config_int, Python's `int(value)`: an optional sign and decimal digits, quoted or not.
 * - `string`: get_config_string, any atom or string.
 * - `list`: nested lists (`xen-api-server`); an atom there breaks the server set-up.
 * - `any`: read with get_config_value and used as it is.
 */
export type DirectiveType = "bool" | "int" | "string" | "list" | "any";

export interface DirectiveInfo {
  type: DirectiveType;
}

const d = (type: DirectiveType): DirectiveInfo => ({ type });

/**
 * Every directive some xend from Xen 3.0 to 4.4 reads: the stock tools/examples/xend-config.sxp of each
 * release (RELEASE-3.0.0 … RELEASE-4.4.0) and the getters of XendOptions.py (XendRoot.py before 3.0.4).
 * Directives of Xen 2.0's XendRoot that 3.0 dropped (`xend-event-port`, `console-port-base`, `vif-bridge`,
 * `vif-antispoof`, `block-*`) are deliberately absent: 3.0 and later ignore them.
 */
export const XEND_DIRECTIVES: ReadonlyMap<string, DirectiveInfo> = new Map<string, DirectiveInfo>([
  ["logfile", d("string")],
  ["loglevel", d("string")],
  ["xend-http-server", d("bool")],
  ["xend-unix-server", d("bool")],
  ["xend-relocation-server", d("bool")],
  ["xend-unix-path", d("string")],
  ["xend-port", d("int")],
  ["xend-relocation-port", d("int")],
  ["xend-address", d("string")],
  ["xend-relocation-address", d("string")],
  ["console-limit", d("int")],
  ["network-script", d("string")],
  ["vif-script", d("string")],
  ["dom0-min-mem", d("int")],
  ["dom0-cpus", d("int")],
  ["enable-dump", d("bool")],
  ["xend-relocation-hosts-allow", d("string")],
  ["xend-tcp-xmlrpc-server", d("bool")],
  ["xend-unix-xmlrpc-server", d("bool")],
  ["xend-tcp-xmlrpc-server-address", d("string")],
  ["xend-tcp-xmlrpc-server-port", d("int")],
  ["xend-tcp-xmlrpc-server-ssl-key-file", d("string")],
  ["xend-tcp-xmlrpc-server-ssl-cert-file", d("string")],
  ["vnc-listen", d("string")],
  ["vncpasswd", d("string")],
  ["external-migration-tool", d("string")],
  ["xen-api-server", d("list")],
  ["xend-domains-path", d("string")],
  ["xend-state-path", d("string")],
  ["xend-storage-path", d("string")],
  ["xend-security-path", d("string")],
  ["vnc-tls", d("any")],
  ["vnc-x509-cert-dir", d("string")],
  ["vnc-x509-verify", d("any")],
  ["keymap", d("string")],
  ["resource-label-change-script", d("string")],
  ["xsm_module_name", d("string")],
  ["xend-relocation-ssl-server", d("bool")],
  ["xend-relocation-ssl-port", d("int")],
  ["xend-relocation-ssl", d("bool")],
  ["xend-relocation-server-ssl-key-file", d("string")],
  ["xend-relocation-server-ssl-cert-file", d("string")],
  ["qemu-dm-logrotate-count", d("int")],
  ["device-create-timeout", d("int")],
  ["device-destroy-timeout", d("int")],
  ["pci-passthrough-strict-check", d("bool")],
  ["enable-dom0-ballooning", d("bool")],
  ["total_available_memory", d("int")],
  ["xend-udev-event-server", d("bool")],
  ["pscsi-device-mask", d("any")],
  ["xend-domain-lock", d("bool")],
  ["xend-domain-lock-path", d("string")],
  ["xend-domain-lock-utility", d("string")],
]);

/** Python's int() on a string, as get_config_int calls it. */
export function isXendInt(text: string): boolean {
  return /^\s*[+-]?[0-9]+\s*$/.test(text);
}

const BOOLS = new Set(["yes", "y", "1", "on", "true", "t", "no", "n", "0", "off", "false", "f"]);

/** get_config_bool's spellings (XendOptionsFile.get_config_bool @ pre-removal), case-insensitive. */
export function isXendBool(text: string): boolean {
  return BOOLS.has(text.toLowerCase());
}

/**
 * Whether an S-expression file is xend's own config, as opposed to the other .sxp files Xen ships
 * (xend-pci-quirks.sxp, xend-pci-permissive.sxp: per-device PCI lists that xend reads with its own code,
 * where every head is a device name). A file named xend-config* is; another is when it has at least one
 * directive xend-config.sxp knows.
 */
export function isXendConfigFile(doc: XendConfig): boolean {
  // Asked for every vif of a host (through xendConfigOf); a document never changes, so once is enough.
  let known = xendConfigFiles.get(doc);
  if (known === undefined) xendConfigFiles.set(doc, (known = readsAsXendConfig(doc)));
  return known;
}

const xendConfigFiles = new WeakMap<XendConfig, boolean>();

function readsAsXendConfig(doc: XendConfig): boolean {
  const name = basename(doc.file);
  if (/pci-(quirks|permissive)/.test(name)) return false;
  if (name.startsWith("xend-config")) return true;
  return doc.directives.some((dir) => XEND_DIRECTIVES.has(dir.name));
}
