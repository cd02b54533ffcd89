import type { ConfigDocument, Span } from "../../ast/config-document.js";
import type { XenTree } from "../../host/read-host.js";
import { xendConfigOf } from "../host-bridges.js";
import { scriptBaseName } from "../network-scripts.js";
import { defineRule } from "../rule.js";
import { nearestScript } from "../script-names.js";

/**
 * xend runs `network-script` from its scripts folder (/etc/xen/scripts) when it starts, and the hotplug
 * system runs `vif-script` (or a vif's own `script=`) there for every guest interface; xend does not
 * check that the script exists until it runs it (XendOptions.get_network_script @ pre-removal), so a
 * misspelt name shows up only as a host without bridges or a guest that does not start. Checked only
 * when the linted tree has a scripts folder.
 */
export default defineRule({
  id: "network-script-missing",
  severity: "error",
  description: "network-script, vif-script, xl.conf's vif.default.script or a vif's script= names a script not in the scripts folder",
  messages: {
    missing: "{{what}} '{{script}}' is not in {{dir}}, so {{effect}}{{hint}}",
  },
  check: ({ trees, xen, report }) => {
    for (const tree of trees) {
      if (!tree.scriptsDir) continue;
      const check = (doc: ConfigDocument, span: Span, script: string, what: string, effect: string) => {
        const name = inScriptsFolder(script);
        if (!name || tree.scripts.has(name)) return;
        const guess = nearestScript(name, tree.scripts.keys());
        report({ doc, span, messageId: "missing", data: { what, script, dir: tree.scriptsDir!, effect, hint: guess ? ` (did you mean '${guess}'?)` : "" } });
      };
      const xend = xendConfigOf(tree);
      // With xl nothing reads xend-config.sxp; network-script-ignored says so.
      if (xend && !xen?.xl) {
        const net = xend.networkScript;
        if (net) check(xend, net.scriptSpan, net.script, "network-script", "xend cannot set up the host's network when it starts");
        const vif = xend.vifScript;
        if (vif) check(xend, vif.scriptSpan, vif.script, "vif-script", "no guest interface can be brought up");
      }
      // xl.conf's default vif script (xl, and xend hosts that also have xl installed).
      for (const key of ["vif.default.script", "vifscript"]) {
        const s = tree.xlConf?.setting(key);
        if (s && typeof s.value === "string" && tree.xlConf) check(tree.xlConf, s.node.value.span, s.value, key, "no guest interface without its own script= can be brought up by xl");
      }
      checkGuestScripts(tree, check);
    }
  },
});

function checkGuestScripts(tree: XenTree, check: (doc: ConfigDocument, span: Span, script: string, what: string, effect: string) => void): void {
  for (const guest of tree.guests) {
    for (const vif of guest.vifs) {
      const e = vif.entry("script");
      if (!e?.value || !e.valueSpan) continue;
      check(guest, e.valueSpan, e.value, "script=", "this interface cannot be brought up and the guest does not start");
    }
  }
}

/** The name to look up in the scripts folder, or undefined for a path outside it (not checkable). */
function inScriptsFolder(script: string): string | undefined {
  if (!script.includes("/")) return script;
  return /^\/etc\/xen\/scripts\/[^/]+$/.test(script) ? scriptBaseName(script) : undefined;
}
