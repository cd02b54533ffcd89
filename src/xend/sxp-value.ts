import type { SxpNode } from "../../grammars/sxp/nodes.js";

/** A directive value as xend's options reader would type it: numbers, yes/no, strings, nested lists. */
export type SxpValue = string | number | boolean | SxpValue[];

export function sxpValue(node: SxpNode): SxpValue {
  switch (node.kind) {
    case "list":
      return node.items.map(sxpValue);
    case "string":
      return node.value;
    case "atom": {
      const t = node.text;
      // XendOptions reads booleans with get_config_bool: yes/no (also y/n, true/false, 1/0 for some).
      if (t === "yes") return true;
      if (t === "no") return false;
      if (/^-?[0-9]+$/.test(t)) return Number(t);
      return t;
    }
  }
}
