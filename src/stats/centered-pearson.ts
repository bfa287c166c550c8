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

/** One column's half of many correlations over the same pairs: its deviations from its mean and their sum of squares. */
export interface CenteredSide {
  deviations: Float64Array;
  /** Σ (x − mean)². */
  sxx: number;
}

/**
 * The centred side of `x` (its deviations from its mean), computed once for correlating it with many columns over
 * the same pairs by `pearsonWithSide`.
 *
 * @example pearsonWithSide(centeredSide(Float64Array.of(1, 2, 3, 4)), Float64Array.of(2, 4, 5, 9)) // 0.9548…
 */
export function centeredSide(x: ArrayLike<number>): CenteredSide {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i];
  const mean = sum / n;
  const deviations = new Float64Array(n);
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    deviations[i] = d;
    sxx += d * d;
  }
  return { deviations, sxx };
}

/**
 * Pearson's r of a centred side and y in one pass: Σ dx·y is Σ dx·(y − ȳ) because Σ dx = 0, and y's sum of squares
 * is taken about its first value (the shifted-data algorithm, exact for any offset). `undefined` when n < 3 or a
 * column is constant.
 */
export function pearsonWithSide(side: CenteredSide, y: ArrayLike<number>): number | undefined {
  const d = side.deviations;
  const n = d.length;
  if (n !== y.length) throw new Error(`pearsonWithSide requires arrays of equal length (${n} ≠ ${y.length})`);
  if (n < 3) return undefined;
  const k = y[0];
  let sxy = 0;
  let sy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i] - k;
    sxy += d[i] * v;
    sy += v;
    syy += v * v;
  }
  const vy = syy - (sy * sy) / n;
  if (!(side.sxx > 0) || !(vy > 0)) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(side.sxx * vy)));
}
