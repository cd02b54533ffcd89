import { parseVifSpec } from "../../grammars/vif/index.js";
import { unescapeWithOffsets } from "../../grammars/common/unescape.js";
import { intern } from "../../grammars/common/intern.js";
import type { DomainString } from "../../grammars/domain/nodes.js";
import type { Span } from "../ast/config-document.js";
import { parseMac, type MacParseResult } from "../mac/mac-address.js";

/**
 * One `key=value` of a vif spec, with exact source spans for findings and edits. The spans are made when
 * asked for: a large host has 60,000 entries, rules read a span only to report, and three span objects per
 * entry were a fifth of a parsed guest's heap.
 */
export class VifKeyEntry {
  constructor(
    /**
     * The key with the spaces around it trimmed, as xm reads it. xl skips only the spaces before a key
     * (`bridge = x` is an unknown key to it); vif-unknown-key reads the source for that.
     */
    readonly key: string,
    /** The value (trimmed); undefined for a bare flag such as `trusted`. */
    readonly value: string | undefined,
    private readonly start: number,
    private readonly end: number,
    private readonly keyEnd: number,
    private readonly valueStart: number,
    private readonly valueEnd: number,
  ) {}

  /** The whole entry in the source file. */
  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get keySpan(): Span {
    return { start: this.start, end: this.keyEnd };
  }

  get valueSpan(): Span | undefined {
    return this.value === undefined ? undefined : { start: this.valueStart, end: this.valueEnd };
  }

  /** The fields as they read, not as they are stored: JSON output keeps the shape it had as a plain object. */
  toJSON(): object {
    return { key: this.key, value: this.value, span: this.span, keySpan: this.keySpan, valueSpan: this.valueSpan };
  }
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
  // Parsed once: three rules read every vif's MAC (60,000 reads on a host of 10,000 guests). A field, not
  // a WeakMap beside the class: weak tables that large cost the garbage collector on every cycle.
  #mac: MacParseResult | null | undefined;

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

  /** The `mac=` xl uses, parsed; undefined when there is none or it is empty. */
  get parsedMac(): MacParseResult | undefined {
    if (this.#mac === undefined) {
      const value = this.get("mac");
      this.#mac = value ? parseMac(value) : null;
    }
    return this.#mac ?? undefined;
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
  // Plain loops and numbers: this runs for every vif of every guest (20,000 on the bench's host), and
  // array destructuring and for-of allocate iterators until V8 optimises them.
  const parsed = parseVifSpec(spec);
  let count = 0;
  for (let n = 0; n < parsed.length; n++) if (parsed[n]) count++;
  // Sized up front: an array grown by push keeps room for 17 entries, most specs have three.
  const out = new Array<VifKeyEntry>(count);
  let k = 0;
  for (let n = 0; n < parsed.length; n++) {
    const e = parsed[n];
    if (!e) continue;
    const ss = trimStart(spec, e.start, e.end);
    const se = trimEnd(spec, ss, e.end);
    // The entry starts with its key, so the trimmed key starts where the trimmed entry does.
    const ke = trimEnd(spec, ss, e.keyEnd);
    const vs = e.valueStart === undefined ? -1 : trimStart(spec, e.valueStart, e.valueEnd!);
    const ve = vs < 0 ? -1 : trimEnd(spec, vs, e.valueEnd!);
    out[k++] = new VifKeyEntry(intern(spec.slice(ss, ke)), vs < 0 ? undefined : spec.slice(vs, ve), at(ss), at(se), at(ke), vs < 0 ? 0 : at(vs), vs < 0 ? 0 : at(ve));
  }
  return out;
}

function trimStart(s: string, start: number, end: number): number {
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  return start;
}

function trimEnd(s: string, start: number, end: number): number {
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}

/** JavaScript's \s, with printable ASCII (nearly every character of a vif spec) decided without a regex. */
function isSpace(code: number): boolean {
  if (code > 32 && code < 127) return false;
  return /\s/.test(String.fromCharCode(code));
}
