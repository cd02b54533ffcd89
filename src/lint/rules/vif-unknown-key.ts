import { defineRule } from "../rule.js";
import { KNOWN_VIF_KEYS, type VifKeyEntry } from "../../domain/vif-spec.js";
import { isAddress } from "../ip-address.js";
import { nearest } from "../nearest.js";
import { atLeast } from "../xen-version.js";

/**
 * xl skips a vif key it does not know: parse_nic_config prints "unrecognized argument" and returns 1, but
 * parse_config_data ignores that return for the `vif` list (tools/xl/xl_parse.c), so the guest starts
 * without the setting. xm refuses the guest ("Invalid vif option: KEY", tools/python/xen/xm/create.py
 * configure_vifs). xm (Xen 3.x-4.4) also took `policy` and `label` (sHype security labels), which xl
 * does not: those are reported only when --xen says xl.
 *
 * xl matches a key with its `=` (MATCH_OPTION compares the prefix "KEY="), after skipping only the spaces
 * before the key, so `bridge = xenbr1` is the unknown key `bridge ` to it and is skipped as above. xm strips
 * the spaces (create.py comma_sep_kv_to_dict), so that spelling is reported only when xl may read the file
 * (no --xen, or 4.0 and later).
 *
 * `ip=10.0.0.1,10.0.0.2` is the common way to get here with a valid word: xl splits the spec at commas, so
 * the second address is a bare entry of its own. "Remove it" would lose the address; it belongs in the
 * ip= before it, after a space (xl-network-configuration(5): `ip=10.0.0.1 10.1.1.1 2000::1`).
 */
const XM_ONLY = ["policy", "label"];
const KNOWN: readonly string[] = KNOWN_VIF_KEYS;

export default defineRule({
  id: "vif-unknown-key",
  severity: "error",
  description: "a vif key xl does not know (a misspelling, or a space before =), which xl skips (with the nearest known key)",
  messages: {
    unknown: "'{{key}}' is not a vif key: xl skips it (\"unrecognized argument\") and starts the guest without it, and xm refuses the guest (\"Invalid vif option\"){{hint}}",
    xmOnly: "'{{key}}' is a vif key only xm knew (sHype security labels, Xen 3.x to 4.4); xl skips it (\"unrecognized argument\"), so the interface gets no label. Remove it",
    spacedKey: "xl reads this key as '{{key}} ' (with the space before '='), which it does not know (\"unrecognized argument\"), so it skips {{key}}= and starts the guest without it; only xm strips the spaces. Write '{{key}}={{value}}'",
    ipAddress: "'{{key}}' is not a vif key but an address for the ip= before it: xl splits the spec at commas and skips it (\"unrecognized argument\"), so ip= lacks the address, and xm refuses the guest (\"Invalid vif option\"); several addresses go in one ip=, separated by spaces: write 'ip={{joined}}'",
    emptyKey: "this vif entry has no key before '=': xl skips it (\"unrecognized argument\") and xm refuses the guest; add the key or remove the entry",
  },
  check: ({ guests, xen, report }) => {
    for (const { guest } of guests) {
      for (const vif of guest.vifs) {
        for (const [i, e] of vif.entries.entries()) {
          if (KNOWN.includes(e.key)) {
            // Whitespace between the key and its '=' (the key span ends at the last non-space character).
            const after = e.value === undefined ? "" : guest.slice({ start: e.keySpan.end, end: e.keySpan.end + 1 });
            if (/\s/.test(after) && (!xen || atLeast(xen, 4, 0))) {
              report({ doc: guest, span: e.keySpan, messageId: "spacedKey", data: { key: e.key, value: e.value ?? "" } });
            }
            continue;
          }
          if (e.key === "") report({ doc: guest, span: e.span, messageId: "emptyKey" });
          else if (strayAddress(vif.entries, i)) {
            report({ doc: guest, span: e.keySpan, messageId: "ipAddress", data: { key: e.key, joined: joinedIp(vif.entries, i) } });
          } else if (XM_ONLY.includes(e.key)) {
            if (xen?.xl) report({ doc: guest, span: e.keySpan, messageId: "xmOnly", data: { key: e.key } });
          } else {
            const guess = nearest(e.key, KNOWN);
            report({ doc: guest, span: e.keySpan, messageId: "unknown", data: { key: e.key, hint: guess ? `; did you mean '${guess}'?` : "; remove it (xl-network-configuration(5) lists the keys)" } });
          }
        }
      }
    }
  },
});

/** A bare entry that reads as an address, with an ip= entry earlier in the same spec. */
function strayAddress(entries: readonly VifKeyEntry[], i: number): boolean {
  const e = entries[i]!;
  return e.value === undefined && isAddress(e.key) && ipBefore(entries, i) >= 0;
}

/** The index of the nearest ip= entry before entry i, or -1. */
function ipBefore(entries: readonly VifKeyEntry[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (entries[k]!.key === "ip" && entries[k]!.value !== undefined) return k;
  return -1;
}

/** That ip= value with every stray address after it (up to the next ip=), as one space-separated value. */
function joinedIp(entries: readonly VifKeyEntry[], i: number): string {
  const ip = ipBefore(entries, i);
  const words = [entries[ip]!.value!];
  for (let k = ip + 1; k < entries.length && entries[k]!.key !== "ip"; k++) if (strayAddress(entries, k)) words.push(entries[k]!.key);
  return words.filter(Boolean).join(" ");
}
