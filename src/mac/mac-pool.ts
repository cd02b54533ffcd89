import { type MacAddress, macFromBytes, macToNumber } from "./mac-address.js";

/**
 * A space of addresses xencfg hands out, numbered 0 .. size-1 so that "the next free one" has a meaning.
 * Both the random and the stable generator map bytes into a pool with `fromBytes`.
 */
export interface MacPool {
  readonly kind: "xen" | "local";
  /** How many addresses the pool holds. */
  readonly size: number;
  /** How many bytes `fromBytes` reads. */
  readonly bytesNeeded: number;
  /** The address that these bytes (random or hashed) choose; reads `bytesNeeded` bytes. */
  fromBytes(bytes: Uint8Array): MacAddress;
  /** The address's place in the pool, or undefined when the pool cannot produce it. */
  indexOf(mac: MacAddress): number | undefined;
  /** The address at a place, 0 <= index < size. */
  at(index: number): MacAddress;
}

const XEN_PREFIX = 0x00163e * 2 ** 24;

/**
 * 00:16:3e:XX:YY:ZZ with XX below 0x80: xend's randomMAC drew XX from 0x00-0x7f
 * (tools/python/xen/xend/server/netif.py @ pre-removal) and libxl masks it with 0x7f
 * (tools/libs/light/libxl_nic.c @ HEAD). 23 bits: 8,388,608 addresses.
 */
export const XEN_POOL: MacPool = {
  kind: "xen",
  size: 2 ** 23,
  bytesNeeded: 3,
  fromBytes: (b) => macFromBytes([0x00, 0x16, 0x3e, b[0]! & 0x7f, b[1]!, b[2]!]),
  indexOf: (mac) => {
    const value = macToNumber(mac) - XEN_PREFIX;
    return value >= 0 && value < 2 ** 23 ? value : undefined;
  },
  at: (index) => macFromBytes([0x00, 0x16, 0x3e, (index >>> 16) & 0x7f, (index >>> 8) & 0xff, index & 0xff]),
};

/**
 * Locally administered unicast addresses: first octet xxxxxx10 (U/L bit set, I/G bit clear), the other 46
 * bits free. The xl network manual suggests these when the Xen OUI's 23 bits are too few for a site.
 * The index is the 46 free bits in order, so index 0 is 02:00:00:00:00:00.
 */
export const LOCAL_POOL: MacPool = {
  kind: "local",
  size: 2 ** 46,
  bytesNeeded: 6,
  fromBytes: (b) => macFromBytes([(b[0]! & 0xfc) | 0x02, b[1]!, b[2]!, b[3]!, b[4]!, b[5]!]),
  indexOf: (mac) => {
    const value = macToNumber(mac);
    const first = Math.floor(value / 2 ** 40);
    if ((first & 0x03) !== 0x02) return undefined;
    return (first >>> 2) * 2 ** 40 + (value % 2 ** 40);
  },
  at: (index) => {
    const first = Math.floor(index / 2 ** 40);
    const rest = index % 2 ** 40;
    const bytes = [(first << 2) | 0x02];
    for (let shift = 32; shift >= 0; shift -= 8) bytes.push(Math.floor(rest / 2 ** shift) & 0xff);
    return macFromBytes(bytes);
  },
};

/** The pool `local` selects. */
export function macPool(local: boolean | undefined): MacPool {
  return local ? LOCAL_POOL : XEN_POOL;
}
