/**
 * Unique ids for generated rows. An id is a bijection (a 4-round Feistel network keyed by the seed) of a counter
 * position, so two positions never share an id at any scale and the ids still look random. A session id encodes
 * (block, session number in the block) in 64 bits, a media id (block, media number) in 48 bits, a user id the
 * student's number in the log in 32 bits.
 */

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** The round function: any mix of the right half and the key (the network is a bijection whatever it is). */
function round(x: number, key: number, mask: number): number {
  let h = Math.imul(x ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) & mask;
}

/** Permutes the pair (hi, lo) of `bits`-bit halves (bits ≤ 32): a bijection on 2·bits bits; the result in `out`. */
function permute(hi: number, lo: number, bits: number, keys: readonly number[], out: Uint32Array): void {
  const mask = bits === 32 ? 0xffffffff : (1 << bits) - 1;
  let l = hi >>> 0;
  let r = lo >>> 0;
  for (let i = 0; i < keys.length; i++) {
    const next = (l ^ round(r, keys[i], mask)) >>> 0;
    l = r;
    r = next;
  }
  out[0] = l;
  out[1] = r;
}

function hex(x: number, bits: number): string {
  let s = "";
  for (let shift = bits - 8; shift >= 0; shift -= 8) s += HEX[(x >>> shift) & 255];
  return s;
}

/** The seed's round keys for one kind of id. */
function keys(seed: number, kind: number): number[] {
  return [1, 2, 3, 4].map((r) => round(seed ^ Math.imul(kind, 0x27d4eb2f), r * 0x165667b1, 0xffffffff));
}

/** The id makers of a log with a given seed. */
export interface IdMaker {
  /** `u_` + 8 hex digits: student number `n` of the log (n < 2^32). */
  user(n: number): string;
  /** `s_` + 16 hex digits: session number `k` of block `block` (both < 2^32). */
  session(block: number, k: number): string;
  /** `m_` + 12 hex digits: media number `k` of block `block` (both < 2^24). */
  media(block: number, k: number): string;
}

/**
 * The id makers for a log's seed: unique for distinct arguments, the same for the same seed. A maker throws
 * ("generator id space exhausted") for an argument outside its bits.
 *
 * @example idMaker(42).session(0, 0) !== idMaker(42).session(0, 1) // true, for any two positions
 */
export function idMaker(seed: number): IdMaker {
  const ku = keys(seed, 1);
  const ks = keys(seed, 2);
  const km = keys(seed, 3);
  const out = new Uint32Array(2);
  const limit = (x: number, bits: number, what: string) => {
    if (!(x >= 0 && x < 2 ** bits)) throw new Error(`generator id space exhausted: ${what} ${x} ≥ 2^${bits}`);
    return x;
  };
  return {
    user(n) {
      permute(limit(n, 32, "student") >>> 16, n & 0xffff, 16, ku, out);
      return `u_${hex(((out[0] << 16) | out[1]) >>> 0, 32)}`;
    },
    session(block, k) {
      permute(limit(block, 32, "block"), limit(k, 32, "session"), 32, ks, out);
      return `s_${hex(out[0], 32)}${hex(out[1], 32)}`;
    },
    media(block, k) {
      permute(limit(block, 24, "block"), limit(k, 24, "media"), 24, km, out);
      return `m_${hex(out[0], 24)}${hex(out[1], 24)}`;
    },
  };
}
