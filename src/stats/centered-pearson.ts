/**
 * Pearson's r of two equal-length numeric arrays of complete pairs in two passes (the means, then the centred
 * sums): the same value as simple-statistics' `sampleCorrelation` (which `pearson` calls) to rounding, without its
 * eight passes and two variance checks. For the analyses that correlate hundreds of column pairs of every session.
 * `undefined` when n < 3 or a column is constant.
 *
 * @example centeredPearson(Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 4, 5, 9)) // 0.9548…
 */
export function centeredPearson(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  const n = x.length;
  if (n !== y.length) throw new Error(`centeredPearson requires arrays of equal length (${n} ≠ ${y.length})`);
  if (n < 3) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
