import { isPresent } from "./finite-values";

/**
 * The complete pairs of two columns (both values present under the missing-data policy), the row each came from,
 * and how many pairs were left out.
 *
 * @example pairedValues([1, null, 3], [2, 5, NaN]) // { x: [1], y: [2], rows: [0], missing: 2 }
 */
export function pairedValues(xs: ArrayLike<unknown>, ys: ArrayLike<unknown>): { x: number[]; y: number[]; rows: number[]; missing: number } {
  if (xs.length !== ys.length) throw new Error(`pairedValues requires columns of equal length (${xs.length} ≠ ${ys.length})`);
  const x: number[] = [];
  const y: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const a = xs[i];
    const b = ys[i];
    if (isPresent(a) && isPresent(b)) {
      x.push(a);
      y.push(b);
      rows.push(i);
    }
  }
  return { x, y, rows, missing: xs.length - x.length };
}
