import { basename } from "node:path";

/**
 * Why a file in an /etc/xen-like folder is not a guest config, or undefined when it is one. Xen's own
 * folder holds daemon configs, examples, helper data and editor or package-manager leftovers beside the
 * guests; xendomains boots whatever sits in auto/, so leftovers there matter most.
 */
export function notGuestReason(path: string): string | undefined {
  const name = basename(path);
  if (name.startsWith(".")) return "hidden file";
  if (name.endsWith("~") || /\.(bak|orig|old|swp|swo|tmp)$/i.test(name)) return "editor or backup copy";
  // Renaming a guest file is how admins park a guest; its MAC and name are not in use by a running guest.
  if (/\.(disabled|disable|off|save|saved|dist|sample|example)$/i.test(name)) return "parked or example copy";
  if (/\.(rpmnew|rpmsave|rpmorig|dpkg-[a-z]+|ucf-[a-z]+)$/i.test(name)) return "package manager leftover";
  if (name.endsWith(".sxp") || /\.sxp\./.test(name) || name.startsWith("xend-config")) return "xend config";
  if (/\.(xml|sh|py|pl|md|txt|rst|json|service)$/i.test(name)) return "not a guest config (by its name)";
  if (["xl.conf", "xm.conf", "oxenstored.conf", "xenstored.conf", "cpupool", "README", "xencfg.config.json"].includes(name)) return "Xen daemon or tool config";
  return undefined;
}

/** A script or program rather than a config: a #! line, or an ELF header. */
export function looksLikeProgram(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x23 && bytes[1] === 0x21) || (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46);
}
