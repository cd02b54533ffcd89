import { randomBytes } from "node:crypto";

/**
 * Where random bytes come from: `(n) => n bytes`. Tests pass a seeded one; the default is the operating
 * system's CSPRNG, because a guessable address generator makes collisions between hosts that share a
 * segment more likely than the birthday bound says.
 */
export type RandomSource = (n: number) => Uint8Array;

/** node:crypto's randomBytes, read in 4 KiB blocks: one system call per ~1,300 Xen addresses, not per one. */
export function cryptoRandomSource(): RandomSource {
  let block = new Uint8Array(0);
  let used = 0;
  return (n) => {
    if (n > 4096) return randomBytes(n);
    if (used + n > block.length) {
      block = randomBytes(4096);
      used = 0;
    }
    const out = block.slice(used, used + n);
    used += n;
    return out;
  };
}
