import { pairedColumns } from "./paired-columns";

/**
 * The complete pairs of two columns (both values present under the missing-data policy), the row each came from,
 * and how many pairs were left out, as plain arrays (`pairedColumns` gives typed arrays).
 *
 * @example pairedValues([1, null, 3], [2, 5, NaN]) // { x: [1], y: [2], rows: [0], missing: 2 }
 */
export function pairedValues(xs: ArrayLike<unknown>, ys: ArrayLike<unknown>): { x: number[]; y: number[]; rows: number[]; missing: number } {
  if (xs.length !== ys.length) throw new Error(`pairedValues requires columns of equal length (${xs.length} ≠ ${ys.length})`);
  const { x, y, rows, missing } = pairedColumns(xs, ys);
  return { x: Array.from(x), y: Array.from(y), rows: Array.from(rows), missing };
}
