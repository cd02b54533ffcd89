import type { SxpNode } from "../../grammars/sxp/nodes.js";
import type { Span } from "../ast/config-document.js";

/** One `key=value` argument of a script call such as `'network-bridge bridge=xenbr1 netdev=eth1'`. */
export interface ScriptArg {
  key: string;
  /** Undefined for a word without '='. */
  value: string | undefined;
  span: Span;
  keySpan: Span;
  valueSpan: Span | undefined;
}

/**
 * A `network-script` or `vif-script` value decomposed as xend uses it (XendOptions.py): the first value
 * of the directive, split on spaces, the first word being the script in /etc/xen/scripts.
 */
export interface ScriptCall {
  script: string;
  scriptSpan: Span;
  args: ScriptArg[];
  /** Whether the value was one quoted string (the only way xend passes arguments). */
  quoted: boolean;
  /** Further values of the directive: xend ignores them (`(network-script network-bridge netdev=eth1)`). */
  ignored: SxpNode[];
}

export function decomposeScriptCall(args: readonly SxpNode[]): ScriptCall | undefined {
  const first = args[0];
  if (!first || first.kind === "list") return undefined;
  if (first.kind === "atom") {
    return { script: first.text, scriptSpan: first.span, args: [], quoted: false, ignored: args.slice(1) };
  }
  // Offsets inside a string map 1:1 to the source only without escapes; script strings never need any,
  // and when one has them the spans fall back to the whole string.
  const exact = !first.curly && first.value.length === first.span.end - first.span.start - 2;
  const base = first.span.start + 1;
  const words: { text: string; start: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(first.value); m; m = re.exec(first.value)) words.push({ text: m[0], start: m.index });
  const at = (start: number, end: number): Span => (exact ? { start: base + start, end: base + end } : { ...first.span });
  const [head, ...rest] = words;
  return {
    script: head?.text ?? "",
    scriptSpan: head ? at(head.start, head.start + head.text.length) : { ...first.span },
    args: rest.map((w) => {
      const eq = w.text.indexOf("=");
      const end = w.start + w.text.length;
      return eq === -1
        ? { key: w.text, value: undefined, span: at(w.start, end), keySpan: at(w.start, end), valueSpan: undefined }
        : { key: w.text.slice(0, eq), value: w.text.slice(eq + 1), span: at(w.start, end), keySpan: at(w.start, w.start + eq), valueSpan: at(w.start + eq + 1, end) };
    }),
    quoted: true,
    ignored: args.slice(1),
  };
}
