import type { Span } from "../../ast/config-document.js";

/**
 * The body of a string (between its quotes) with the MAC addresses of a vif spec in lower case. Only
 * the hex digits change: xl reads each octet with strtoul (tools/xl/xl_parse.c parse_nic_config), so
 * `00:16:3E:0A:1B:2C` and `00:16:3e:0a:1b:2c` give the guest the same address, and lower case is what
 * xl itself prints (`xl network-list`) and what xencfg writes.
 */
export function lowerCaseMacs(body: string, bodyStart: number, macs: readonly Span[]): string {
  let out = body;
  for (const m of macs) {
    const a = m.start - bodyStart;
    const b = m.end - bodyStart;
    out = out.slice(0, a) + out.slice(a, b).toLowerCase() + out.slice(b);
  }
  return out;
}
