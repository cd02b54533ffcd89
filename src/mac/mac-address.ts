/**
 * A MAC address in the one spelling xencfg writes: six lower-case two-digit hex octets joined by ':'
 * (`00:16:3e:0a:1b:2c`). Only `parseMac`, `macFromBytes` and `macFromNumber` make one.
 */
export type MacAddress = string & { readonly __brand: "MacAddress" };

export type MacParseResult = { ok: true; mac: MacAddress } | { ok: false; message: string };

// xl reads each octet with strtoul and skips one separator character without looking at it
// (tools/xl/xl_parse.c parse_nic_config @ HEAD), so `0:16:3e:a:b:c` and `00-16-3e-...` both reach a guest.
// We accept one or two hex digits per octet and ':' or '-' (used consistently), so that an address a guest
// file really uses is never missed when we look for collisions; what we print is always the long form.
const MAC_PATTERN = /^([0-9a-f]{1,2})([:-])([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})$/i;

// Nearly every address in real files is already written the way xencfg prints it; those are taken as they
// are, without splitting and joining six octets (lint parses every vif's MAC of a host).
const CANONICAL = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

/** Reads a MAC address written as six hex octets separated by ':' (or '-'); any case. */
export function parseMac(text: string): MacParseResult {
  if (CANONICAL.test(text)) return { ok: true, mac: text as MacAddress };
  const m = MAC_PATTERN.exec(text.trim());
  if (!m) {
    return { ok: false, message: `'${text}' is not a MAC address (expected six hex octets such as 00:16:3e:1a:2b:3c)` };
  }
  const octets = [m[1], m[3], m[4], m[5], m[6], m[7]] as string[];
  return { ok: true, mac: octets.map((o) => o.padStart(2, "0")).join(":").toLowerCase() as MacAddress };
}

/**
 * The address xl makes of a `mac=` value (tools/xl/xl_parse.c parse_nic_config): six times, strtoul(…, 16)
 * reads an octet (leading whitespace, then hex digits; at most 0xff) and the character after it is
 * skipped unseen. So a mixed separator (`00:16-3e:…`), a zero-padded octet (`00:016:…`) or a seventh octet
 * (ignored) give a guest the same address as the plain spelling; mac-duplicate must see them as one.
 * Fewer than six octets is not an address (xl would read past the value). Use parseMac for what xencfg
 * itself accepts; this is only for knowing what address a guest ends up with.
 */
export function parseMacAsXl(text: string): MacParseResult {
  const plain = parseMac(text);
  if (plain.ok) return plain;
  const octets: string[] = [];
  let at = 0;
  for (let i = 0; i < 6; i++) {
    const m = /^[ \t\n\v\f\r]*([0-9a-fA-F]+)/.exec(text.slice(at));
    // Leading zeros aside, more than two digits is more than 0xff, which xl refuses.
    const digits = m?.[1]!.replace(/^0+(?=.)/, "").toLowerCase();
    if (!m || digits === undefined || digits.length > 2) return plain;
    octets.push(digits.padStart(2, "0"));
    at += m[0].length;
    // The character after an octet is skipped without a look; after the last one nothing is read.
    if (i < 5) {
      if (at >= text.length) return plain;
      at += 1;
    }
  }
  return { ok: true, mac: octets.join(":") as MacAddress };
}

/** The address of six bytes. */
export function macFromBytes(bytes: ArrayLike<number>): MacAddress {
  if (bytes.length !== 6) throw new RangeError(`a MAC address has 6 bytes, got ${bytes.length}`);
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) parts.push((bytes[i]! & 0xff).toString(16).padStart(2, "0"));
  return parts.join(":") as MacAddress;
}

/** The six bytes of an address. */
export function macToBytes(mac: MacAddress): Uint8Array {
  return Uint8Array.from(mac.split(":"), (h) => parseInt(h, 16));
}

/** The address as a 48-bit integer (exact in a double), first octet most significant. */
export function macToNumber(mac: MacAddress): number {
  return parseInt(mac.replaceAll(":", ""), 16);
}

/** The address of a 48-bit integer. */
export function macFromNumber(value: number): MacAddress {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** 48) throw new RangeError(`not a 48-bit value: ${value}`);
  const hex = value.toString(16).padStart(12, "0");
  return hex.replace(/(..)(?!$)/g, "$1:") as MacAddress;
}

/** Bit 0 of the first octet (I/G): a group address, which no network interface may carry as its own. */
export function isMulticastMac(mac: MacAddress): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 0x01) !== 0;
}

/** Bit 1 of the first octet (U/L): an address the site chose rather than one under a vendor's OUI. */
export function isLocallyAdministeredMac(mac: MacAddress): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 0x02) !== 0;
}

/** Xen's IEEE OUI, the prefix of every address xend and libxl make up. */
export const XEN_OUI = "00:16:3e";

/** Under Xen's OUI, with the fourth octet below 0x80 as xend's randomMAC and libxl leave it. */
export function isXenMac(mac: MacAddress): boolean {
  return mac.startsWith(`${XEN_OUI}:`) && parseInt(mac.slice(9, 11), 16) < 0x80;
}
