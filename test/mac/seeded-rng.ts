import type { RandomSource } from "../../src/mac/random-source.js";

/** A reproducible RandomSource (mulberry32) so a failing case can be replayed from its seed. */
export function seededRng(seed: number): RandomSource {
  let state = seed >>> 0;
  const nextByte = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  return (n) => Uint8Array.from({ length: n }, nextByte);
}

/** A RandomSource that replays fixed bytes, then repeats them. */
export function scriptedRng(bytes: readonly number[]): RandomSource {
  let i = 0;
  return (n) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]!);
}
