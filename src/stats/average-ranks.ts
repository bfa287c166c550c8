import { isPresent } from "./finite-values";
import { sortKeys, type RankScratch, type SortKeys } from "./rank-scratch";

/**
 * Ranks (1-based, ties averaged) of `values[order[k]]`, given `order`: indices sorted ascending by value.
 * Returns the rank of each position of `order` (in `ranks` when given, of the order's length). Sorting once and filtering the order for each subset makes a rank
 * correlation O(n) per pair of columns (the analysis ranks each feature against ~7 targets).
 *
 * @example averageRanks([10, 30, 20, 20], [0, 2, 3, 1]) // Float64Array [1, 2.5, 2.5, 4]
 */
export function averageRanks(values: ArrayLike<number>, order: ArrayLike<number>, ranks: Float64Array = new Float64Array(order.length)): Float64Array {
  let k = 0;
  while (k < order.length) {
    let end = k + 1;
    while (end < order.length && values[order[end]] === values[order[k]]) end++;
    const rank = (k + 1 + end) / 2;
    for (let m = k; m < end; m++) ranks[m] = rank;
    k = end;
  }
  return ranks;
}

/**
 * Indices of the present (finite) values of a column, sorted ascending by value, ties in index order (a stable sort).
 * An LSD radix sort on the values' IEEE-754 bits (flipped so that unsigned order is numeric order; −0 as 0), four
 * passes of 16 bits that skip a pass where every value shares its digit: O(n) without a comparator call, ~5× faster
 * than a counting sort by binary search and ~20× faster than `Array.prototype.sort` on 445k values. With `scratch`
 * the keys are its buffers (only the returned order is new).
 *
 * @example sortedPresent([3, null, 1, 3, NaN]) // Int32Array [2, 0, 3]
 */
export function sortedPresent(values: ArrayLike<unknown>, scratch?: RankScratch): Int32Array {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (isPresent(values[i])) m++;
  let [keys, spare] = scratch ? scratch.keys(m) : [sortKeys(m), sortKeys(m)];
  sortableKeys(values, keys);
  const count = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? keys.lo : keys.hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let k = 0; k < m; k++) count[(key[k] >>> shift) & 0xffff]++;
    if (m === 0 || count[(key[0] >>> shift) & 0xffff] === m) continue;
    for (let b = 0, start = 0; b < 65536; b++) {
      const c = count[b];
      count[b] = start;
      start += c;
    }
    for (let k = 0; k < m; k++) {
      const p = count[(key[k] >>> shift) & 0xffff]++;
      spare.lo[p] = keys.lo[k];
      spare.hi[p] = keys.hi[k];
      spare.index[p] = keys.index[k];
    }
    [keys, spare] = [spare, keys];
  }
  return scratch ? keys.index.slice() : keys.index;
}

/** Writes the present values' bits to `out` as two unsigned words whose order is the values' numeric order, with each value's index. */
function sortableKeys(values: ArrayLike<unknown>, out: SortKeys): void {
  const m = out.index.length;
  const f = new Float64Array(1);
  const bits = new Uint32Array(f.buffer);
  const [L, H] = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? [0, 1] : [1, 0];
  for (let i = 0, k = 0; k < m; i++) {
    const v = values[i];
    if (!isPresent(v)) continue;
    f[0] = v === 0 ? 0 : v;
    const negative = (bits[H] & 0x80000000) !== 0;
    out.hi[k] = negative ? ~bits[H] >>> 0 : (bits[H] | 0x80000000) >>> 0;
    out.lo[k] = negative ? ~bits[L] >>> 0 : bits[L];
    out.index[k++] = i;
  }
}
