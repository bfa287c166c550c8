import { quantileSorted } from "simple-statistics";
import { presentValues } from "./finite-values";
import { momentsOf } from "./moments";

/** Summary statistics of one column. */
export interface Description {
  n: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (n − 1); `NaN` when n < 2. */
  std: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * Describes the present values of a column (missing values skipped and counted). Returns `undefined` when no
 * value is present.
 *
 * @example describe([1, 2, 3, null]) // { n: 3, missing: 1, mean: 2, std: 1, min: 1, q1: 1.5, median: 2, q3: 2.5, max: 3 }
 */
export function describe(xs: ArrayLike<unknown>): Description | undefined {
  // Typed arrays: a column of every session is described without two boxed copies on the JS heap.
  const present = presentValues(xs);
  if (present.length === 0) return undefined;
  // simple-statistics reads its arguments by index only: typed arrays give the same results.
  // The typed array's own numeric sort (no comparator call); -0 before 0 changes no quantile.
  const sorted = present.slice().sort() as unknown as number[];
  const missing = xs.length - present.length;
  const { n, mean, std, min, max } = momentsOf(present as unknown as number[], missing);
  return { n, missing, mean, std, min, q1: quantileSorted(sorted, 0.25), median: quantileSorted(sorted, 0.5), q3: quantileSorted(sorted, 0.75), max };
}
