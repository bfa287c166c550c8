/**
 * Average ranks (1-based, ties averaged) of a column of finite numbers that takes at most `maxDistinct` distinct
 * values (scores, their sums, counts), in its own order, without sorting the column: its values are counted in an
 * open-addressing table on their bits, the distinct ones sorted, and each row given its value's rank. `undefined`
 * when a value is not finite or there are more distinct values (the caller then sorts: `rankValues`). The ranks
 * are those of any rank sort (each is `below + (count + 1) / 2`, exact in floating point); 0 and −0 are one value.
 *
 * @example fewValueRanks([10, 30, 20, 20], 16) // Float64Array [1, 4, 2.5, 2.5]
 */
export function fewValueRanks(values: ArrayLike<number>, maxDistinct: number): Float64Array | undefined {
  const size = 1 << Math.ceil(Math.log2(2 * maxDistinct + 2));
  const table = new ValueTable(size);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) return undefined;
    const slot = table.slot(v === 0 ? 0 : v);
    if (table.count[slot]++ === 0 && ++table.distinct > maxDistinct) return undefined;
  }
  // Each occupied slot's value becomes its average rank, in ascending order of value.
  const occupied = new Int32Array(table.distinct);
  for (let s = 0, k = 0; s < size; s++) if (table.count[s] > 0) occupied[k++] = s;
  const byValue = Array.from(occupied).sort((a, b) => table.keys[a] - table.keys[b]);
  const rank = new Float64Array(size);
  let below = 0;
  for (const s of byValue) {
    rank[s] = below + (table.count[s] + 1) / 2;
    below += table.count[s];
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = rank[table.slot(values[i] === 0 ? 0 : values[i])];
  return out;
}

/** An open-addressing table of numbers (linear probing on a hash of their bits) with a count per slot. */
class ValueTable {
  readonly keys: Float64Array;
  readonly count: Int32Array;
  distinct = 0;
  private readonly mask: number;
  private readonly shift: number;
  private readonly f = new Float64Array(1);
  private readonly bits = new Int32Array(this.f.buffer);

  /** `size`: a power of two. */
  constructor(size: number) {
    this.keys = new Float64Array(size);
    this.count = new Int32Array(size);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
  }

  /** The slot of `v`: where it is, else the free slot where it goes (its key then set). */
  slot(v: number): number {
    this.f[0] = v;
    // The top bits of a multiplicative hash of both words.
    let s = Math.imul(this.bits[0] ^ Math.imul(this.bits[1], 0x9e3779b1), 0x85ebca6b) >>> this.shift;
    while (this.count[s] > 0 && this.keys[s] !== v) s = (s + 1) & this.mask;
    this.keys[s] = v;
    return s;
  }
}
