import type { DomainValue } from "../../grammars/domain/nodes.js";

/** A setting's value as xl reads it; null where xl would reject it (an unquoted word, a bad number). */
export type ConfigValue = string | number | ConfigValue[] | null;

export function configValue(node: DomainValue, text: string): ConfigValue {
  switch (node.kind) {
    case "string":
      return node.value;
    case "number":
      return parseXlNumber(node.raw);
    case "list":
      return node.items.map((n) => configValue(n, text));
    case "bare":
      return null;
  }
}

/**
 * xl numbers: decimal, or hex with 0x (libxlu_cfg_l.l: [0-9][0-9a-fx]*, read with strtoul base 0). The
 * lexer takes lower-case hex digits only: `0x4A0` is no number to xl (it stops at 'A'), so it is null here.
 */
export function parseXlNumber(raw: string): number | null {
  if (/^0x[0-9a-f]+$/.test(raw)) return parseInt(raw.slice(2), 16);
  if (/^0[0-7]*$/.test(raw)) return parseInt(raw, 8);
  if (/^[1-9][0-9]*$/.test(raw)) return Number(raw);
  return null;
}
