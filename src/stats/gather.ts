/**
 * `values[rows[k]]` for each k, in a new `Float64Array` (or `out`, of the rows' length, when the caller reuses one):
 * a column read over a subset of rows (typed, without a callback per element as `Float64Array.from(rows, …)` has).
 *
 * @example gather(Float64Array.of(5, 6, 7), Int32Array.of(2, 0)) // Float64Array [7, 5]
 */
export function gather(values: ArrayLike<number>, rows: ArrayLike<number>, out: Float64Array = new Float64Array(rows.length)): Float64Array {
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}
