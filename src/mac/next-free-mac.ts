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
  const index = nextFreeIndex(pool.size, first, (i) => isUsed(pool.at(i)));
  return index === undefined ? undefined : pool.at(index);
}

/** The same walk over pool indices, for callers that keep their used set by index. */
export function nextFreeIndex(size: number, first: number, isUsed: (index: number) => boolean): number | undefined {
  for (let step = 0; step < size; step++) {
    const index = (first + step) % size;
    if (!isUsed(index)) return index;
  }
  return undefined;
}
