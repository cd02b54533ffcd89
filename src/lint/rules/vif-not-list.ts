import type { Setting } from "../../domain/domain-config.js";
import { clip } from "../../diagnostics/clip.js";
import { defineRule } from "../rule.js";

/**
 * xl reads the interfaces with xlu_cfg_get_list(config, "vif", ...) (tools/xl/xl_parse.c parse_config_data).
 * For a value that is not a list it prints "parameter `vif' is a single value but should be a list"
 * (tools/libs/util/libxlu_cfg.c) and returns EINVAL, and parse_config_data then skips the whole vif
 * block: `vif = 'bridge=xenbr0'` starts the guest with no network interface. xm is no better: it iterates
 * the string, one character per interface, and refuses the guest at its first letter ("m should be a pair,
 * separated by an equals sign", tools/python/xen/xm/create.py @ pre-removal).
 *
 * `vif +=` joins its value to the one before (libxlu_cfg.c xlu__cfg_concat_vals): a string to a string
 * is still one string, and a string to a list (or a list to a string) is a parse error that refuses the
 * whole file. xl keeps the last `vif =`, so a string overridden by a later `vif =` is never read.
 *
 * The typed view still reads such a string as one interface (DomainConfig.vifs), so the other rules check
 * what was evidently meant.
 */
export default defineRule({
  id: "vif-not-list",
  severity: "error",
  description: "vif is a single string, not a list: xl ignores it and starts the guest with no network interface",
  fixable: true,
  messages: {
    single: "expected a list of interfaces, found a single {{kind}}: xl prints \"parameter `vif' is a single value but should be a list\" and starts the guest with no network interface{{xm}}; write {{write}}",
    mixed: "expected a list, found a single {{kind}} that vif += joins with a list: xl refuses the whole file (\"can't add [list] to \"string\" or vice versa\"); write {{write}}",
  },
  check: ({ guests, report }) => {
    for (const { guest } of guests) {
      // A vif computed by Python has a value nobody can know here.
      if (guest.python.some((p) => p.assigns === "vif")) continue;
      const vifs = guest.settings.filter((s) => s.name === "vif");
      // An unquoted value is a syntax error, reported as one.
      if (vifs.some((s) => s.node.value.kind === "bare")) continue;

      const reportAll = (settings: readonly Setting[], messageId: "single" | "mixed") => {
        for (const s of settings) {
          if (s.node.value.kind === "list") continue;
          const v = s.node.value;
          const raw = guest.slice(v.span);
          const string = v.kind === "string";
          // Curly quotes and a missing quote are the syntax rule's: wrapping them would bury that error.
          const fixable = string && !v.curly && v.terminated;
          report({
            doc: guest,
            span: v.span,
            messageId,
            data: {
              kind: string ? "string" : "number",
              xm: string ? " (xm reads the string one character at a time)" : "",
              write: string ? `${s.name} ${s.op} [ ${clip(raw).text} ]` : `${s.name} ${s.op} [ '' ] for one interface with the defaults`,
            },
            ...(fixable ? { fix: [{ ...v.span, text: `[ ${raw} ]` }] } : {}),
          });
        }
      };

      // Replays libxlu's settings: `=` starts the value over, `+=` joins to it.
      let chain: Setting[] = [];
      let isList = false;
      for (const s of vifs) {
        const list = s.node.value.kind === "list";
        if (s.op === "=" || chain.length === 0) {
          chain = [s];
          isList = list;
        } else if (list !== isList) {
          // libxlu stops here: nothing after this statement matters.
          reportAll([...chain, s], "mixed");
          chain = [];
          break;
        } else chain.push(s);
      }
      if (chain.length > 0 && !isList) reportAll(chain, "single");
    }
  },
});
