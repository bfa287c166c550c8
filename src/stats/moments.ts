import { max, mean, min, sampleStandardDeviation } from "simple-statistics";
import { presentValues } from "./finite-values";

/** Count, mean, spread and range of a column's present values. */
export interface Moments {
  n: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (n − 1); `NaN` when n < 2. */
  std: number;
  min: number;
  max: number;
}

/**
 * The moments of the present values of a column (missing values skipped and counted), without sorting them:
 * what `describe` gives besides its quartiles. Returns `undefined` when no value is present.
 *
 * @example moments([1, 2, 3, null]) // { n: 3, missing: 1, mean: 2, std: 1, min: 1, max: 3 }
 */
export function moments(xs: ArrayLike<unknown>): Moments | undefined {
  const present = presentValues(xs);
  // simple-statistics reads its arguments by index only: a typed array gives the same results.
  return present.length === 0 ? undefined : momentsOf(present as unknown as number[], xs.length - present.length);
}

/** The moments of values known to be present (at least one). */
export function momentsOf(values: number[], missing: number): Moments {
  return {
    n: values.length,
    missing,
    mean: mean(values),
    std: values.length > 1 ? sampleStandardDeviation(values) : NaN,
    min: min(values),
    max: max(values),
  };
}
