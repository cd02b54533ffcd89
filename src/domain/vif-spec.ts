import { parseVifSpec } from "../../grammars/vif/index.js";
import { unescapeWithOffsets } from "../../grammars/common/unescape.js";
import type { DomainString } from "../../grammars/domain/nodes.js";
import type { Span } from "../ast/config-document.js";

/** One `key=value` of a vif spec, with exact source spans for findings and edits. */
export interface VifKeyEntry {
  /** The key as xl sees it (surrounding spaces trimmed). */
  key: string;
  /** The value (trimmed); undefined for a bare flag such as `trusted`. */
  value: string | undefined;
  /** The whole entry in the source file. */
  span: Span;
  keySpan: Span;
  valueSpan: Span | undefined;
}

/** Every key xl's parse_nic_config accepts (docs/man/xl-network-configuration.5.pod.in). */
export const KNOWN_VIF_KEYS = [
  "mac", "bridge", "ip", "type", "model", "vifname", "script", "backend", "rate", "devid", "mtu", "vlan",
  "gatewaydev", "netdev", "trusted", "untrusted", "accel", "forwarddev", "colo_sock_mirror_id",
  "colo_sock_mirror_ip", "colo_sock_mirror_port", "colo_sock_compare_pri_in_id", "colo_sock_compare_pri_in_ip",
  "colo_sock_compare_pri_in_port", "colo_sock_compare_sec_in_id", "colo_sock_compare_sec_in_ip",
  "colo_sock_compare_sec_in_port", "colo_sock_compare_notify_id", "colo_sock_compare_notify_ip",
  "colo_sock_compare_notify_port", "colo_sock_redirector0_id", "colo_sock_redirector0_ip",
  "colo_sock_redirector0_port", "colo_sock_redirector1_id", "colo_sock_redirector1_ip",
  "colo_sock_redirector1_port", "colo_sock_redirector2_id", "colo_sock_redirector2_ip",
  "colo_sock_redirector2_port", "colo_filter_mirror_queue", "colo_filter_mirror_outdev",
  "colo_filter_redirector0_queue", "colo_filter_redirector0_indev", "colo_filter_redirector0_outdev",
  "colo_filter_redirector1_queue", "colo_filter_redirector1_indev", "colo_filter_redirector1_outdev",
  "colo_compare_pri_in", "colo_compare_sec_in", "colo_compare_out", "colo_compare_notify_dev",
  "colo_sock_sec_redirector0_id", "colo_sock_sec_redirector0_ip", "colo_sock_sec_redirector0_port",
  "colo_sock_sec_redirector1_id", "colo_sock_sec_redirector1_ip", "colo_sock_sec_redirector1_port",
  "colo_filter_sec_redirector0_queue", "colo_filter_sec_redirector0_indev", "colo_filter_sec_redirector0_outdev",
  "colo_filter_sec_redirector1_queue", "colo_filter_sec_redirector1_indev", "colo_filter_sec_redirector1_outdev",
  "colo_filter_sec_rewriter0_queue", "colo_checkpoint_host", "colo_checkpoint_port",
] as const;

/**
 * One guest network interface: one string of the `vif` list. Its DEVID is its index in the list
 * (xl-network-configuration(5)), so `['bridge=xenbr1', 'mac=...']` is two interfaces, not one.
 */
export class VifSpec {
  readonly entries: VifKeyEntry[];

  constructor(
    readonly devid: number,
    /** The string node in the guest file. */
    readonly node: DomainString,
    /** The spec text (escapes resolved). */
    readonly spec: string,
    /** The text between the quotes as written, needed to map offsets when the spec has escapes. */
    rawBody: string,
  ) {
    this.entries = vifEntries(node, spec, rawBody);
  }

  /** The value xl uses for a key: the last occurrence wins (parse_nic_config overwrites as it reads). */
  get(key: string): string | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.key === key) return this.entries[i]!.value ?? "";
    return undefined;
  }

  entry(key: string): VifKeyEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.key === key) return this.entries[i];
    return undefined;
  }

  has(key: string): boolean {
    return this.entries.some((e) => e.key === key);
  }

  get mac(): string | undefined {
    return this.get("mac");
  }

  get bridge(): string | undefined {
    return this.get("bridge");
  }

  get span(): Span {
    return this.node.span;
  }

  /** The keys and values as a plain object (last occurrence wins). */
  toObject(): Record<string, string | true> {
    const out: Record<string, string | true> = {};
    for (const e of this.entries) out[e.key] = e.value ?? true;
    return out;
  }
}

function vifEntries(node: DomainString, spec: string, rawBody: string): VifKeyEntry[] {
  const bodyStart = node.span.start + 1;
  // Without escapes, spec offsets are source offsets shifted by the opening quote.
  const map = rawBody.length === spec.length ? undefined : unescapeWithOffsets(rawBody).offsets;
  const at = (i: number) => bodyStart + (map ? (map[i] ?? map[map.length - 1]!) : i);
  const out: VifKeyEntry[] = [];
  for (const e of parseVifSpec(spec)) {
    if (!e) continue;
    const [ks, ke] = trim(spec, e.keyStart, e.keyEnd);
    const value = e.valueStart === undefined ? undefined : trim(spec, e.valueStart, e.valueEnd!);
    const [ss, se] = trim(spec, e.start, e.end);
    out.push({
      key: spec.slice(ks, ke),
      value: value && spec.slice(value[0], value[1]),
      span: { start: at(ss), end: at(se) },
      keySpan: { start: at(ks), end: at(ke) },
      valueSpan: value && { start: at(value[0]), end: at(value[1]) },
    });
  }
  return out;
}

function trim(s: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(s[start]!)) start++;
  while (end > start && /\s/.test(s[end - 1]!)) end--;
  return [start, end];
}
