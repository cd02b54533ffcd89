import type { MacAddress } from "./mac-address.js";
import { macPool } from "./mac-pool.js";
import { cryptoRandomSource, type RandomSource } from "./random-source.js";

export interface GenerateMacOptions {
  /** Random bytes; defaults to node:crypto. */
  rng?: RandomSource;
  /** A locally administered unicast address (46 random bits) instead of one under Xen's OUI (23 bits). */
  local?: boolean;
}

let defaultRng: RandomSource | undefined;

/**
 * One random address, the way xend and libxl make them (00:16:3e, fourth octet below 0x80), or with
 * `local` a random locally administered unicast one. It does not avoid anything: use `MacAllocator` for that.
 */
export function generateMac(options: GenerateMacOptions = {}): MacAddress {
  const pool = macPool(options.local);
  const rng = options.rng ?? (defaultRng ??= cryptoRandomSource());
  const bytes = rng(pool.bytesNeeded);
  if (bytes.length < pool.bytesNeeded) throw new RangeError(`rng returned ${bytes.length} bytes, ${pool.bytesNeeded} asked`);
  return pool.fromBytes(bytes);
}
