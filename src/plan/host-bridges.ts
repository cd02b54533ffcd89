import type { XendConfig } from "../xend/xend-config.js";

/** A bridge the host's configuration already builds, and where that was read. */
export interface ConfiguredBridge {
  bridge: string;
  netdev: string;
  source: string;
}

export type HostBridgesResult = { ok: true; pairs: ConfiguredBridge[]; script: string; wrapper: string | undefined } | { ok: false; message: string };

/**
 * The bridges the host's xend-config.sxp builds at xend start:
 * - `network-bridge` (or no network-script: xend's default is network-bridge) builds one, named by its
 *   `bridge=` and `netdev=` arguments; without them Xen 3.0's defaults apply (`xenbr${vifnum}` on
 *   `eth${vifnum}`, tools/examples/network-bridge @ RELEASE-3.0.0).
 * - any other script is read as a wrapper: xencfg's own header (`# Bridges: xenbr0 on eth0, ...`), its
 *   `start_bridge BRIDGE NIC` calls, or hand-written `network-bridge ... netdev=NIC bridge=BRIDGE` lines.
 * Routed and NAT networking have no bridges to migrate.
 */
export function hostBridges(xend: XendConfig, scripts: ReadonlyMap<string, string | undefined>): HostBridgesResult {
  const call = xend.networkScript;
  const script = call?.script ?? "network-bridge";
  const name = script.split("/").pop()!;
  if (name === "network-bridge") {
    const arg = (k: string) => call?.args.find((a) => a.key === k)?.value;
    const vifnum = arg("vifnum") ?? "0";
    const pair = { bridge: arg("bridge") ?? `xenbr${vifnum}`, netdev: arg("netdev") ?? `eth${vifnum}`, source: call ? "network-script network-bridge" : "xend's default network-script (network-bridge)" };
    return { ok: true, pairs: [pair], script: name, wrapper: undefined };
  }
  if (name === "network-route" || name === "network-nat") {
    return { ok: false, message: `the host uses ${name} (routed or NAT networking, no bridges); migrate only moves bridged hosts to several bridges` };
  }
  const text = scripts.get(name);
  if (text === undefined) {
    return { ok: false, message: `network-script ${script} is not in the scripts folder (or is not text); cannot tell which bridges it builds` };
  }
  const pairs = bridgesOfWrapper(text, name);
  if (pairs.length === 0) {
    return { ok: false, message: `cannot tell which bridges network-script ${script} builds (no network-bridge netdev=... bridge=... calls found)` };
  }
  return { ok: true, pairs, script: name, wrapper: text };
}

const Q = `['"]?`;
const NAME = `([^\\s'"=]+)`;

export function bridgesOfWrapper(text: string, scriptName: string): ConfiguredBridge[] {
  const source = `scripts/${scriptName}`;
  const header = /^# Bridges: (.+)$/m.exec(text);
  if (header) {
    const pairs = header[1]!.split(",").map((s) => /^\s*(\S+) on (\S+)\s*$/.exec(s));
    if (pairs.every(Boolean)) return pairs.map((m) => ({ bridge: m![1]!, netdev: m![2]!, source }));
  }
  const out: ConfiguredBridge[] = [];
  const add = (bridge: string, netdev: string) => {
    if (!out.some((p) => p.bridge === bridge)) out.push({ bridge, netdev, source });
  };
  for (const line of text.split("\n")) {
    const code = line.replace(/^\s+/, "");
    if (code.startsWith("#")) continue;
    const start = new RegExp(`^start_bridge ${Q}${NAME}${Q} ${Q}${NAME}${Q}`).exec(code);
    if (start) {
      add(start[1]!, start[2]!);
      continue;
    }
    if (!/network-bridge/.test(code) || /\bstop\b/.test(code)) continue;
    const netdev = new RegExp(`\\bnetdev=${Q}${NAME}`).exec(code)?.[1];
    const bridge = new RegExp(`\\bbridge=${Q}${NAME}`).exec(code)?.[1];
    const vifnum = new RegExp(`\\bvifnum=${Q}(\\d+)`).exec(code)?.[1];
    if (netdev || bridge) add(bridge ?? `xenbr${vifnum ?? 0}`, netdev ?? `eth${vifnum ?? 0}`);
  }
  return out;
}
