/**
 * Shannon entropy of the histogram of `values` over `bins` equal bins of [lo, hi], divided by log(bins): 0 when
 * every value falls in one bin, 1 when the bins are equally full. `undefined` for no values.
 *
 * @example normalizedEntropy([0, 50, 100, 100], 0, 100, 10) // 0.452 (three bins used)
 */
export function normalizedEntropy(values: ArrayLike<number>, lo: number, hi: number, bins = 10): number | undefined {
  if (values.length === 0) return undefined;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const b = Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * bins)));
    counts[b]++;
  }
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / values.length) * Math.log(c / values.length);
  return h / Math.log(bins);
}
