/**
 * The kit's one missing-data policy, used by every statistic: `null`, `undefined` and `NaN` (and ±Infinity) are
 * missing; they are skipped and counted, never coerced to 0.
 *
 * @example finiteValues([1, null, NaN, 3]) // { values: [1, 3], missing: 2 }
 */
export function finiteValues(xs: ArrayLike<unknown>): { values: number[]; missing: number } {
  const values: number[] = [];
  let missing = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (isPresent(x)) values.push(x);
    else missing++;
  }
  return { values, missing };
}

/**
 * The present values of a column (as `finiteValues`) in a `Float64Array`: counted, then copied, 8 bytes a value
 * outside the JS heap.
 *
 * @example presentValues([1, null, NaN, 3]) // Float64Array [1, 3]
 */
export function presentValues(xs: ArrayLike<unknown>): Float64Array {
  let m = 0;
  for (let i = 0; i < xs.length; i++) if (isPresent(xs[i])) m++;
  const out = new Float64Array(m);
  for (let i = 0, k = 0; k < m; i++) {
    const x = xs[i];
    if (isPresent(x)) out[k++] = x;
  }
  return out;
}

/** True when `x` counts as a value under the missing-data policy. */
export function isPresent(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}
