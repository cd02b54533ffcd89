import { type MacAddress, macFromNumber, macToNumber } from "./mac-address.js";
import { type MacPool, macPool } from "./mac-pool.js";
import { nextFreeMac } from "./next-free-mac.js";
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
  // 48-bit integers rather than strings: a synthetic host with millions of addresses stays small.
  private readonly used = new Set<number>();
  private readonly holders = new Map<number, MacHolder>();
  private usedInPool = 0;

  constructor(options: MacAllocatorOptions = {}) {
    this.pool = macPool(options.local);
    this.rng = options.rng ?? cryptoRandomSource();
  }

  /** Records an address as taken (by `holder`, if known; the first holder recorded is kept). */
  markUsed(mac: MacAddress, holder?: MacHolder): void {
    const key = macToNumber(mac);
    if (!this.used.has(key)) {
      this.used.add(key);
      if (this.pool.indexOf(mac) !== undefined) this.usedInPool++;
    }
    if (holder && !this.holders.has(key)) this.holders.set(key, holder);
  }

  isUsed(mac: MacAddress): boolean {
    return this.used.has(macToNumber(mac));
  }

  holderOf(mac: MacAddress): MacHolder | undefined {
    return this.holders.get(macToNumber(mac));
  }

  /** How many addresses of the pool are still free. */
  get available(): number {
    return this.pool.size - this.usedInPool;
  }

  /** Every address marked so far, in no particular order. */
  *usedAddresses(): IterableIterator<MacAddress> {
    for (const key of this.used) yield macFromNumber(key);
  }

  /**
   * A random free address, marked used. Draws uniformly and rejects used ones; on a pool so full that
   * RANDOM_TRIES draws all miss, walks from the last draw to the next free address instead, so the call
   * ends even when one address is left. Throws when none is (check `available` first).
   */
  random(holder?: MacHolder): MacAddress {
    let candidate: MacAddress | undefined;
    for (let i = 0; i < RANDOM_TRIES; i++) {
      candidate = this.pool.fromBytes(this.rng(this.pool.bytesNeeded));
      if (!this.isUsed(candidate)) return this.take(candidate, holder);
    }
    const free = nextFreeMac(this.pool, candidate!, (mac) => this.isUsed(mac));
    if (free === undefined) throw new RangeError(`every address of the ${this.pool.kind} pool is in use`);
    return this.take(free, holder);
  }

  /**
   * The stable address of guest `name`, interface `devid` (see `stableMac`), marked used. When another
   * holder has it, the address moves to the next free one in pool order: deterministic for a given used set.
   * An address already held by this same guest and devid is not a collision.
   */
  stable(name: string, devid: number, holder: MacHolder = {}): StableMacAssignment {
    const derived = stableMac(name, devid, { local: this.pool.kind === "local" });
    const takenBy = this.holderOf(derived);
    const self = takenBy !== undefined && takenBy.guest === name && takenBy.devid === devid;
    if (!this.isUsed(derived) || self) {
      this.markUsed(derived, { ...holder, guest: name, devid });
      return { mac: derived, derived, moved: false };
    }
    const free = nextFreeMac(this.pool, derived, (mac) => this.isUsed(mac));
    if (free === undefined) throw new RangeError(`every address of the ${this.pool.kind} pool is in use`);
    return { mac: this.take(free, { ...holder, guest: name, devid }), derived, moved: true, takenBy: takenBy ?? {} };
  }

  private take(mac: MacAddress, holder: MacHolder | undefined): MacAddress {
    this.markUsed(mac, holder);
    return mac;
  }
}
