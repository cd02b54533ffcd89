import { type MacAddress, macToNumber } from "./mac-address.js";
import { type MacPool, macPool } from "./mac-pool.js";
import { nextFreeIndex } from "./next-free-mac.js";
import { cryptoRandomSource, type RandomSource } from "./random-source.js";
import { stableMac } from "./stable-mac.js";

/** Who holds an address, as far as we know; used to say what a stable address collided with. */
export interface MacHolder {
  guest?: string;
  devid?: number;
  /** Where it was read, `file:line` or a file name. */
  source?: string;
}

/** The result of `MacAllocator.stable`. */
export interface StableMacAssignment {
  mac: MacAddress;
  /** The address the derivation gives; equals `mac` unless it was taken. */
  derived: MacAddress;
  moved: boolean;
  /** Who holds `derived`, when it was moved. */
  takenBy?: MacHolder;
}

export interface MacAllocatorOptions {
  rng?: RandomSource;
  /** Hand out locally administered addresses instead of Xen OUI ones. */
  local?: boolean;
  /** Hand out addresses of this pool instead (tests use a small one to fill it). Overrides `local`. */
  pool?: MacPool;
}

/** Random draws before `random()` stops rejecting and walks from a random point to the next free address. */
const RANDOM_TRIES = 64;

/**
 * Hands out addresses that are not in its used set, and adds each one it hands out, so it never repeats.
 * Seed it with every address the host's guests use (`markUsed`) before asking.
 */
export class MacAllocator {
  readonly pool: MacPool;
  private readonly rng: RandomSource;
  private readonly inPool: UsedIndices;
  // Addresses outside the pool can never be handed out, but `isUsed` still answers for them.
  private readonly outside = new Set<number>();
  private readonly holders = new Map<number, MacHolder>();
  // Stable addresses this allocator handed out: never "already this guest's own" again, so nothing repeats
  // in a run. (A random address has no guest, so it can never pass for one's own.)
  private readonly handedOut = new Set<number>();

  constructor(options: MacAllocatorOptions = {}) {
    this.pool = options.pool ?? macPool(options.local);
    this.rng = options.rng ?? cryptoRandomSource();
    this.inPool = usedIndices(this.pool.size);
  }

  /** Records an address as taken (by `holder`, if known; the first holder recorded is kept). */
  markUsed(mac: MacAddress, holder?: MacHolder): void {
    const index = this.pool.indexOf(mac);
    if (index === undefined) this.outside.add(macToNumber(mac));
    else this.inPool.add(index);
    if (holder) {
      const key = macToNumber(mac);
      if (!this.holders.has(key)) this.holders.set(key, holder);
    }
  }

  isUsed(mac: MacAddress): boolean {
    const index = this.pool.indexOf(mac);
    return index === undefined ? this.outside.has(macToNumber(mac)) : this.inPool.has(index);
  }

  holderOf(mac: MacAddress): MacHolder | undefined {
    return this.holders.get(macToNumber(mac));
  }

  /** How many addresses of the pool are still free. */
  get available(): number {
    return this.pool.size - this.inPool.count;
  }

  /**
   * A random free address, marked used. Draws uniformly and rejects used ones; on a pool so full that
   * RANDOM_TRIES draws all miss, walks from the last draw to the next free address instead, so the call
   * ends even when one address is left. Throws when none is (check `available` first).
   */
  random(holder?: MacHolder): MacAddress {
    let index = 0;
    for (let i = 0; i < RANDOM_TRIES; i++) {
      index = this.pool.indexOf(this.pool.fromBytes(this.rng(this.pool.bytesNeeded)))!;
      if (!this.inPool.has(index)) return this.take(index, holder);
    }
    return this.take(this.walkFrom(index), holder);
  }

  /**
   * The stable address of guest `name`, interface `devid` (see `stableMac`), marked used. When another
   * holder has it, the address moves to the next free one in pool order: deterministic for a given used set.
   * With `keepOwn` (the default), an address that `markUsed` recorded for this same guest and devid is
   * its own, not a collision: `xencfg mac --for web` on a host where web already has it. One this
   * allocator handed out before is always a collision, so nothing repeats in a run.
   */
  stable(name: string, devid: number, holder: MacHolder = {}, options: { keepOwn?: boolean } = {}): StableMacAssignment {
    const derived = stableMac(name, devid, { local: this.pool.kind === "local" });
    const derivedIndex = this.pool.indexOf(derived);
    if (derivedIndex === undefined) throw new RangeError(`stable addresses come from the xen or local pool, not from this ${this.pool.size}-address one`);
    const takenBy = this.holderOf(derived);
    const self =
      (options.keepOwn ?? true) && takenBy?.guest === name && takenBy.devid === devid && !this.handedOut.has(macToNumber(derived));
    const mine = { ...holder, guest: name, devid };
    const moved = !self && this.isUsed(derived);
    const mac = self ? derived : this.take(moved ? this.walkFrom(derivedIndex) : derivedIndex, mine);
    this.handedOut.add(macToNumber(mac));
    return moved ? { mac, derived, moved, takenBy: takenBy ?? {} } : { mac, derived, moved };
  }

  private walkFrom(index: number): number {
    const free = nextFreeIndex(this.pool.size, index, (i) => this.inPool.has(i));
    if (free === undefined) throw new RangeError(`every address of the ${this.pool.kind} pool is in use`);
    return free;
  }

  private take(index: number, holder: MacHolder | undefined): MacAddress {
    const mac = this.pool.at(index);
    this.markUsed(mac, holder);
    return mac;
  }
}

interface UsedIndices {
  has(index: number): boolean;
  add(index: number): void;
  readonly count: number;
}

/** A bitmap for pools up to 2^24 addresses (the Xen pool's is 1 MiB), a Set beyond. */
function usedIndices(size: number): UsedIndices {
  if (size > 2 ** 24) {
    const set = new Set<number>();
    return { has: (i) => set.has(i), add: (i) => void set.add(i), get count() { return set.size; } };
  }
  const bits = new Uint8Array(Math.ceil(size / 8));
  let count = 0;
  return {
    has: (i) => (bits[i >>> 3]! & (1 << (i & 7))) !== 0,
    add: (i) => {
      if ((bits[i >>> 3]! & (1 << (i & 7))) === 0) {
        bits[i >>> 3]! |= 1 << (i & 7);
        count++;
      }
    },
    get count() {
      return count;
    },
  };
}
