import { averageRanks } from "./average-ranks";
import type { RankScratch } from "./rank-scratch";

/**
 * Ranks over subsets of a table's rows without sorting again: the analyses rank one column over many subsets
 * (a feature's sessions, a target's), so each column is sorted once (`sortedPresent`) and every subset's order or
 * ranks are read off it in linear time.
 */

/**
 * The ascending orders of a subset of rows (as positions within `rows`), read off table-wide orders. `position` is
 * scratch of the table's length filled with -1; it is left so.
 *
 * @example subsetOrders(Int32Array.of(1, 3), [Int32Array.of(3, 0, 1)], new Int32Array(4).fill(-1)) // [Int32Array [1, 0]]
 */
export function subsetOrders(rows: ArrayLike<number>, orders: readonly Int32Array[], position: Int32Array): Int32Array[] {
  for (let p = 0; p < rows.length; p++) position[rows[p]] = p;
  const out = orders.map((order) => {
    const sub = new Int32Array(rows.length);
    let k = 0;
    for (let j = 0; j < order.length; j++) {
      const p = position[order[j]];
      if (p >= 0) sub[k++] = p;
    }
    return sub;
  });
  for (let p = 0; p < rows.length; p++) position[rows[p]] = -1;
  return out;
}

/**
 * Average ranks (1-based, ties averaged) of `values` in their own order, given their ascending order (the ranks in
 * the order's order go to `scratch` when given).
 *
 * @example ranksInOrder([10, 30, 20], Int32Array.of(0, 2, 1)) // Float64Array [1, 3, 2]
 */
export function ranksInOrder(values: ArrayLike<number>, order: Int32Array, scratch?: RankScratch): Float64Array {
  const inOrder = averageRanks(values, order, scratch?.ranks(order.length));
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[order[k]] = inOrder[k];
  return out;
}

/** A column's present values as codes 0 … distinct − 1 in ascending order of value (-1 where missing). */
export interface ValueCodes {
  codes: Int32Array;
  distinct: number;
}

/**
 * The dense ranks of a column's distinct values, read off its ascending order (`sortedPresent`): equal values share
 * a code. For columns of few distinct values (scores, tags, counts), whose ranks over any subset `countingRanks`
 * then gives in two passes.
 *
 * @example valueCodes([5, NaN, 2, 5], Int32Array.of(2, 0, 3)) // { codes: Int32Array [1, -1, 0, 1], distinct: 2 }
 */
export function valueCodes(values: ArrayLike<number>, order: Int32Array): ValueCodes {
  const codes = new Int32Array(values.length).fill(-1);
  let distinct = 0;
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || values[order[k]] !== values[order[k - 1]]) distinct++;
    codes[order[k]] = distinct - 1;
  }
  return { codes, distinct };
}

/**
 * Average ranks (1-based, ties averaged) of a coded column over a subset of rows, in the subset's order: a count of
 * each code over the rows, then each code's average rank. Every row must be coded (present). Written to `out` when
 * given (of the rows' length).
 *
 * @example countingRanks(valueCodes([5, NaN, 2, 5], Int32Array.of(2, 0, 3)), Int32Array.of(0, 2, 3)) // Float64Array [2.5, 1, 2.5]
 */
export function countingRanks({ codes, distinct }: ValueCodes, rows: ArrayLike<number>, out: Float64Array = new Float64Array(rows.length)): Float64Array {
  const count = new Float64Array(distinct);
  for (let k = 0; k < rows.length; k++) count[codes[rows[k]]]++;
  // count[c] becomes the average rank of code c: the rows below it, plus the middle of its own run.
  for (let c = 0, below = 0; c < distinct; c++) {
    const n = count[c];
    count[c] = below + (n + 1) / 2;
    below += n;
  }
  for (let k = 0; k < rows.length; k++) out[k] = count[codes[rows[k]]];
  return out;
}
