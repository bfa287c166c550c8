import { presentValues } from "../stats/finite-values";

/** Equal-width bins and their counts. */
export interface HistogramBins {
  /** `bins + 1` edges, from the minimum to the maximum (or the given range). */
  edges: number[];
  counts: number[];
  /** Values counted (finite, inside the range). */
  n: number;
  /** Values left out: missing or not finite. */
  missing: number;
}

/**
 * Equal-width bins as `numpy.histogram` (and so pandas' and matplotlib's `hist(bins=10)`) makes them: edges from
 * the minimum to the maximum, every bin half-open except the last, which holds the maximum. All values equal → the
 * range is widened by 0.5 each side, as numpy does. Anything not a finite number is counted as missing, not binned.
 *
 * @example histogramBins([1, 2, 2, 3], { bins: 2 }) // { edges: [1, 2, 3], counts: [1, 3], n: 4, missing: 0 }
 */
export function histogramBins(values: ArrayLike<unknown>, options: { bins?: number; range?: [number, number] } = {}): HistogramBins {
  const bins = options.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const xs = presentValues(values);
  const missing = values.length - xs.length;
  let [lo, hi] = options.range ?? [Infinity, -Infinity];
  if (!options.range) for (const v of xs) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (xs.length === 0 && !options.range) { lo = 0; hi = 1; }
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + k * width));
  const counts = new Array<number>(bins).fill(0);
  let n = 0;
  for (const v of xs) {
    if (v < lo || v > hi) continue;
    let k = Math.floor((v - lo) / width);
    if (k >= bins) k = bins - 1;
    // Floating-point: keep each value on the side of the edge numpy would put it.
    if (k > 0 && v < edges[k]) k--;
    else if (k < bins - 1 && v >= edges[k + 1]) k++;
    counts[k]++;
    n++;
  }
  return { edges, counts, n, missing };
}
