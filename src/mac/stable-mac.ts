import { createHash } from "node:crypto";
import type { MacAddress } from "./mac-address.js";
import { macPool } from "./mac-pool.js";

/**
 * The stable address of a guest's interface: the same guest name and device number give the same address
 * on any machine and with any xencfg version, so a guest that is destroyed and created again keeps its
 * DHCP lease and its neighbours' ARP entries.
 *
 * THE DERIVATION IS AN INTERFACE. Sites store its results in DHCP servers and switch ACLs; never change it.
 *
 *     h = SHA-256( UTF-8( "xencfg-mac-v1" LF name LF devid ) )     devid in decimal, no leading zeros
 *     Xen OUI (default):   00:16:3e : h[0] & 0x7f : h[1] : h[2]
 *     locally administered: (h[0] & 0xfc) | 0x02 : h[1] : h[2] : h[3] : h[4] : h[5]
 *
 * `name` is the guest's `name =` exactly as written (case and all). Example:
 * stableMac("web", 0) = 00:16:3e:07:62:f8, stableMac("web", 0, { local: true }) = 06:62:f8:ed:0b:c1
 * (golden values the tests keep).
 */
export function stableMac(name: string, devid: number, options: { local?: boolean } = {}): MacAddress {
  checkGuestName(name);
  if (!Number.isSafeInteger(devid) || devid < 0) throw new RangeError(`devid must be a whole number >= 0, got ${devid}`);
  const digest = createHash("sha256").update(`xencfg-mac-v1\n${name}\n${devid}`, "utf8").digest();
  return macPool(options.local).fromBytes(digest);
}

/** A guest name the derivation can take: not empty, and without the line feed the input uses as separator. */
export function checkGuestName(name: string): void {
  if (name === "" || name.includes("\n")) throw new RangeError(`a guest name must be non-empty and on one line: ${JSON.stringify(name)}`);
}
