import { isPresent } from "./finite-values";

/**
 * The complete pairs of two columns (both values present under the missing-data policy), the row each came from,
 * and how many pairs were left out.
 *
 * @example pairedValues([1, null, 3], [2, 5, NaN]) // { x: [1], y: [2], rows: [0], missing: 2 }
 */
export function pairedValues(xs: ArrayLike<unknown>, ys: ArrayLike<unknown>): { x: number[]; y: number[]; rows: number[]; missing: number } {
  if (xs.length !== ys.length) throw new Error(`pairedValues requires columns of equal length (${xs.length} ≠ ${ys.length})`);
  // Two passes: count the pairs, then fill arrays of that length (no growing by push).
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (isPresent(xs[i]) && isPresent(ys[i])) m++;
  const x = new Array<number>(m);
  const y = new Array<number>(m);
  const rows = new Array<number>(m);
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
