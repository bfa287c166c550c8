import { createRng } from "../generate/rng";
import { percentileInterval, type BootstrapOptions } from "./bootstrap-interval";

/**
 * The percentile bootstrap interval of Spearman's ρ, equal to `bootstrapInterval(x, y, spearman, options)` (same
 * seeded draws, same ties rule) in O(n) per resample instead of a sort: a resample is a count per pair, and the
 * average rank of a tie group of total count W after C smaller values is C + (W + 1) / 2, read off the original
 * sort orders. ρ is then the count-weighted Pearson r of those ranks. `orderX`/`orderY`: ascending orders of x, y.
 *
 * @example spearmanBootstrap(x, y, order(x), order(y), { resamples: 1000, seed: 1 }) // [0.21, 0.48]
 */
export function spearmanBootstrap(x: ArrayLike<number>, y: ArrayLike<number>, orderX: ArrayLike<number>, orderY: ArrayLike<number>, options: BootstrapOptions = {}): [number, number] | undefined {
  const { resamples = 1000, seed = 1, level = 0.95 } = options;
  const n = x.length;
  const rng = createRng(seed);
  const w = new Float64Array(n);
  const rx = new Float64Array(n);
  const ry = new Float64Array(n);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    w.fill(0);
    for (let i = 0; i < n; i++) w[Math.floor(rng.uniform() * n)]++;
    weightedRanks(x, orderX, w, rx);
    weightedRanks(y, orderY, w, ry);
    let mx = 0, my = 0;
    for (let i = 0; i < n; i++) { mx += w[i] * rx[i]; my += w[i] * ry[i]; }
    mx /= n;
    my /= n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const dx = rx[i] - mx;
      const dy = ry[i] - my;
      sxy += w[i] * dx * dy;
      sxx += w[i] * dx * dx;
      syy += w[i] * dy * dy;
    }
    if (sxx > 0 && syy > 0) values.push(sxy / Math.sqrt(sxx * syy));
  }
  return percentileInterval(values, level);
}

/** Average ranks (1-based) of the values in a resample given by counts `w`, written per original index. */
function weightedRanks(v: ArrayLike<number>, order: ArrayLike<number>, w: Float64Array, out: Float64Array): void {
  let below = 0;
  let k = 0;
  while (k < order.length) {
    let end = k;
    let total = 0;
    const value = v[order[k]];
    while (end < order.length && v[order[end]] === value) total += w[order[end++]];
    const rank = below + (total + 1) / 2;
    for (let j = k; j < end; j++) out[order[j]] = rank;
    below += total;
    k = end;
  }
}
