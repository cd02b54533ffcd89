import { xendConfigOf } from "../host-bridges.js";
import { defineRule } from "../rule.js";

/**
 * Xen 4.5 removed xend (commit 9e8672f1c3), and with it the only reader of xend-config.sxp: xl never runs
 * a network-script. On a host checked with `--xen xl` (or 4.5 and later) the bridges the network-script
 * would build do not exist unless the distribution's network configuration builds them.
 */
export default defineRule({
  id: "network-script-ignored",
  severity: "warning",
  description: "network-script on a Xen without xend (xl, 4.5 and later), where nothing runs it",
  messages: {
    ignored: "xl does not run network-script (xend, which did, is gone from Xen 4.5), so '{{script}}' never builds its bridges; build them in the distribution's network configuration and declare them in the xencfg config file",
  },
  check: ({ trees, xen, report }) => {
    if (!xen?.xl) return;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      const call = xend?.networkScript;
      if (!xend || !call || call.script === "") continue;
      report({ doc: xend, span: xend.directive("network-script")!.span, messageId: "ignored", data: { script: call.script } });
    }
  },
});
