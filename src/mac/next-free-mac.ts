import type { MacAddress } from "./mac-address.js";
import type { MacPool } from "./mac-pool.js";

/**
 * The first address at or after `start` in pool order that `isUsed` rejects, wrapping from the pool's
 * last address to its first; undefined when every address is used. Deterministic: the same start and the
 * same used set give the same answer on any machine, which is what keeps a moved stable address stable.
 * `start` must belong to the pool.
 */
export function nextFreeMac(pool: MacPool, start: MacAddress, isUsed: (mac: MacAddress) => boolean): MacAddress | undefined {
  const first = pool.indexOf(start);
  if (first === undefined) throw new RangeError(`${start} is not in the ${pool.kind} pool`);
  for (let step = 0; step < pool.size; step++) {
    const candidate = pool.at((first + step) % pool.size);
    if (!isUsed(candidate)) return candidate;
  }
  return undefined;
}
