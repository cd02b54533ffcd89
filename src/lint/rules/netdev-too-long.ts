import { MAX_INTERFACE_NAME_BYTES } from "../../script/interface-name.js";
import { effectiveArgs, wrapperReading, xendConfigOf } from "../host-bridges.js";
import { scriptBaseName } from "../network-scripts.js";
import { isKnown } from "../shell-wrapper.js";
import { defineRule } from "../rule.js";

/**
 * network-bridge renames the NIC it bridges to `p${netdev}` (pdev, all versions from 3.0), and Linux
 * interface names hold at most 15 bytes (IFNAMSIZ 16 with the NUL). With a 15-byte NIC name such as
 * `enx00e04c680001` the rename fails halfway: the NIC is down and renamed nowhere, and the bridge is not
 * built.
 */
export default defineRule({
  id: "netdev-too-long",
  severity: "error",
  description: "a network-bridge netdev whose renamed form (p + name) exceeds 15 bytes",
  messages: {
    tooLong: "network-bridge renames {{netdev}} to 'p{{netdev}}', {{bytes}} bytes, over Linux's 15-byte limit: the rename fails with the NIC already down, and no bridge is built",
    wrapper: "{{script}} line {{line}} gives network-bridge netdev={{netdev}}; it renames that NIC to 'p{{netdev}}', {{bytes}} bytes, over Linux's 15-byte limit: the rename fails with the NIC already down, and no bridge is built",
  },
  check: ({ trees, xen, report }) => {
    if (xen?.xl) return;
    const tooLong = (netdev: string) => isKnown(netdev) && Buffer.byteLength(`p${netdev}`, "utf8") > MAX_INTERFACE_NAME_BYTES;
    for (const tree of trees) {
      const xend = xendConfigOf(tree);
      const call = xend?.networkScript;
      if (!xend || !call) continue;
      if (scriptBaseName(call.script) === "network-bridge") {
        const netdev = effectiveArgs(call).get("netdev");
        const arg = [...call.args].reverse().find((a) => a.key === "netdev");
        if (netdev !== undefined && tooLong(netdev) && arg) {
          report({ doc: xend, span: arg.valueSpan ?? arg.span, messageId: "tooLong", data: { netdev, bytes: Buffer.byteLength(`p${netdev}`, "utf8") } });
        }
        continue;
      }
      for (const ev of wrapperReading(tree, call)?.events ?? []) {
        const netdev = ev.kind === "network-bridge" ? ev.args.get("netdev") : undefined;
        if (netdev === undefined || !tooLong(netdev)) continue;
        report({ doc: xend, span: call.scriptSpan, messageId: "wrapper", data: { script: `scripts/${ev.script}`, line: ev.line, netdev, bytes: Buffer.byteLength(`p${netdev}`, "utf8") } });
      }
    }
  },
});
