// A small seeded PRNG, so an account and a fault sequence are reproducible from a seed.
// xmur3 turns any seed (number or string) into 32-bit state; sfc32 is the generator.
// Neither is cryptographic; they only need to be deterministic and well spread.

function xmur3(text) {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

/**
 * @param {number|string} seed
 * @returns {{ next(): number, int(min: number, max: number): number, pick<T>(items: T[]): T,
 *             chance(p: number): boolean, hex(length: number): string, bigint(min: bigint, max: bigint): bigint }}
 */
export function createPrng(seed) {
  const mix = xmur3(String(seed));
  let a = mix(), b = mix(), c = mix(), d = mix();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // let the state settle away from the seed
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    hex: (length) => Array.from({ length }, () => '0123456789abcdef'[int(0, 15)]).join(''),
    /** Uniform enough in [min, max] for ids: built from 52-bit slices. */
    bigint: (min, max) => {
      const span = max - min + 1n;
      let r = 0n;
      for (let i = 0; i < 3; i++) r = (r << 26n) + BigInt(int(0, 2 ** 26 - 1));
      return min + (r % span);
    },
  };
}
