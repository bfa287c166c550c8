import { randomLcg, randomNormal, randomBinomial } from "d3-random";

/** A seeded source of random draws (d3-random's LCG: the same seed gives the same draws on any machine). */
export interface Rng {
  uniform(): number;
  normal(mean?: number, sd?: number): number;
  /** An integer in [lo, hi], inclusive. */
  int(lo: number, hi: number): number;
  bernoulli(p: number): boolean;
  binomial(n: number, p: number): number;
  pick<T>(xs: readonly T[]): T;
  exponential(mean: number): number;
  hex(length: number): string;
}

/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** Creates a seeded `Rng`. */
export function createRng(seed: number): Rng {
  const lcg = randomLcg(seed);
  const std = randomNormal.source(lcg)(0, 1);
  // @types/d3-random declares randomBinomial as (p) => …, a copy of randomGeometric; d3-random's binomial takes (n, p).
  const binomial = randomBinomial.source(lcg) as unknown as (n: number, p: number) => () => number;
  return {
    uniform: lcg,
    normal: (mean = 0, sd = 1) => mean + sd * std(),
    int: (lo, hi) => lo + Math.floor(lcg() * (hi - lo + 1)),
    bernoulli: (p) => lcg() < p,
    binomial: (n, p) => (n <= 0 || p <= 0 ? 0 : p >= 1 ? n : binomial(n, p)()),
    pick: (xs) => xs[Math.floor(lcg() * xs.length)],
    exponential: (mean) => -mean * Math.log(1 - lcg()),
    hex: (length) => {
      let s = "";
      while (s.length < length) {
        const x = Math.floor(lcg() * 0x100000000);
        s += HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
      }
      return s.length === length ? s : s.slice(0, length);
    },
  };
}
