import type { DomainConfig } from "./domain-config.js";

/**
 * Whether a guest's vif list looks like one interface's keys written as separate entries, the article's
 * `[ 'bridge=xenbr1', 'mac=00:16:3e:07:d2:0e' ]`: each string is an interface of its own
 * (xl-network-configuration(5)), so that is two. Every entry must carry exactly one key and no key may
 * repeat, so lists of several real interfaces (`[ 'bridge=xenbr0', 'bridge=xenbr1' ]`) do not match.
 * The lint rule vif-split-spec reports it; rules and fixes that would treat the entries as interfaces
 * of their own (giving each a MAC) leave such a list alone until it is merged.
 */
export function looksLikeSplitVifSpec(guest: DomainConfig): boolean {
  const list = guest.vifList;
  const vifs = guest.vifs;
  if (!list || vifs.length < 2 || list.items.length !== vifs.length) return false;
  if (!vifs.every((v) => v.entries.length === 1)) return false;
  const keys = vifs.map((v) => v.entries[0]!.key);
  return new Set(keys).size === keys.length;
}
