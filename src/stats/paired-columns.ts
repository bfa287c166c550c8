import { isPresent } from "./finite-values";

/** The complete pairs of two columns as typed arrays (see `pairedColumns`). */
export interface PairedColumns {
  x: Float64Array;
  y: Float64Array;
  /** The row each pair came from, ascending. */
  rows: Int32Array;
  /** Rows left out (a value missing). */
  missing: number;
}

/**
 * `pairedValues` in typed arrays: the complete pairs of two columns (both values present under the missing-data
 * policy), the row each came from and how many rows were left out, in 20 bytes a pair outside the JS heap (plain
 * arrays of numbers cost 24 bytes a pair on the heap and wait there for a full collection). For the analyses over
 * every session; the same values in the same order as `pairedValues`.
 *
 * @example pairedColumns([1, null, 3], [2, 5, NaN]) // { x: Float64Array [1], y: Float64Array [2], rows: Int32Array [0], missing: 2 }
 */
export function pairedColumns(xs: ArrayLike<unknown>, ys: ArrayLike<unknown>): PairedColumns {
  if (xs.length !== ys.length) throw new Error(`pairedColumns requires columns of equal length (${xs.length} ≠ ${ys.length})`);
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (isPresent(xs[i]) && isPresent(ys[i])) m++;
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; k < m; i++) {
    const a = xs[i];
    const b = ys[i];
    if (isPresent(a) && isPresent(b)) {
      x[k] = a;
      y[k] = b;
      rows[k++] = i;
    }
  }
  return { x, y, rows, missing: n - m };
}
