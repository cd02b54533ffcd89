import { basename } from "node:path";
import type { DomainConfig } from "../../domain/domain-config.js";
import type { VifSpec } from "../../domain/vif-spec.js";
import { describeBridges, relevantInertCalls } from "../bridge-words.js";
import { plural } from "../../text/plural.js";
import { bridgesOf, resolveVifBridge } from "../host-bridges.js";
import { nearest } from "../nearest.js";
import { defineRule } from "../rule.js";
import { linuxNameProblem } from "../../script/interface-name.js";
import { addToGroup } from "../../collections/group.js";

/**
 * vif-bridge attaches each interface to the bridge its `bridge=` names and fails ("Could not find bridge
 * device") when there is none, so the guest does not start. A bridge exists when xend's network-script
 * builds it (network-bridge's `bridge=`/`netdev=` and its version-dependent defaults, a wrapper's calls),
 * when the config file declares it, or (xl) when xl.conf names it as the default. From Xen 3.2 vif-bridge
 * also takes an `ethN` bridge for a missing `xenbrN`. The rule reports only what fails under every Xen
 * version in view and only when every bridge of the host is known; one finding per missing bridge and
 * tree, at its first use.
 */
export default defineRule({
  id: "bridge-undefined",
  severity: "error",
  description: "a vif names a bridge that nothing on this host creates",
  messages: {
    missing: "no bridge '{{bridge}}' on this host, so vif-bridge fails and the guest does not start: {{known}}{{hint}}{{others}}",
    noBridge: "this interface has no bridge=, so vif-bridge takes the first bridge it finds, and there is none: {{known}}{{others}}",
  },
  check: ({ trees, xen, declaredBridges, report }) => {
    for (const tree of trees) {
      const views = bridgesOf(tree, { xen, declared: declaredBridges });
      if (views.length === 0) continue;
      const causes = new Map<string, { guest: DomainConfig; vif: VifSpec }[]>();
      for (const guest of tree.guests) {
        for (const vif of guest.vifs) {
          const results = views.map((v) => resolveVifBridge(vif, tree, v, xen));
          if (!results.every((r) => r?.found === false)) continue;
          const key = results[0]!.name ?? "";
          // A name no interface can have is vif-bridge-invalid's finding: one cause, one finding.
          if (key !== "" && linuxNameProblem(key)) continue;
          addToGroup(causes, key, { guest, vif });
        }
      }
      const names = [...new Set(views.flatMap((v) => v.bridges.map((b) => b.name)))];
      for (const [bridge, uses] of causes) {
        const { guest, vif } = uses[0]!;
        const rest = uses.slice(1);
        const files = [...new Set(rest.map((u) => basename(u.guest.file)))];
        const others = rest.length === 0 ? "" : `; ${plural(rest.length, "more interface")} name${rest.length === 1 ? "s" : ""} it too (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""})`;
        const known = describeBridges(views, bridge === "" ? undefined : bridge);
        const entry = vif.entry("bridge");
        const span = entry?.valueSpan ?? vif.span;
        if (bridge === "") {
          report({ doc: guest, span, messageId: "noBridge", data: { known, others } });
          continue;
        }
        // When a wrapper call that would build it is inert, the cause is known: no guess.
        const inert = new Set(relevantInertCalls(views, bridge).map((c) => c.reason));
        const guess = inert.size > 0 ? undefined : nearest(bridge, names);
        const hint = guess
          ? ` (did you mean '${guess}'?)`
          : inert.has("returns-early")
            ? "; build the bridges with ip(8) instead (xencfg wrapper --xen 4.1)"
            : inert.has("vifnum-taken")
              ? "; give each network-bridge call its own vifnum= (vifnum=0, vifnum=1, ...)"
              : declaredBridges.length === 0
                ? "; if the distribution's network configuration builds it, declare it in the xencfg config file"
                : "";
        report({ doc: guest, span, messageId: "missing", data: { bridge, known, hint, others } });
      }
    }
  },
});
