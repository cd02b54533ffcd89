import { isIPv4, isIPv6 } from "node:net";

/**
 * One word of a vif's `ip=`: an IPv4 or IPv6 address, optionally with a `/prefix`, as the hotplug scripts
 * hand each word to iptables (vif-common.sh), which rejects anything else.
 */
export function isAddress(word: string): boolean {
  const [addr, prefix, ...rest] = word.split("/");
  if (rest.length > 0 || !addr) return false;
  const v4 = isIPv4(addr);
  if (!v4 && !isIPv6(addr)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}
