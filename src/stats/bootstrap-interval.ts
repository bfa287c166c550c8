import { quantileSorted } from "simple-statistics";
import { createRng } from "../generate/rng";

/** Options of `bootstrapInterval`. */
export interface BootstrapOptions {
  /** Resamples; default 1000 (the reference criteria ask for ≥ 1,000). */
  resamples?: number;
  /** Seed of the resampling; default 1. */
  seed?: number;
  /** Coverage; default 0.95. */
  level?: number;
}

/**
 * Percentile bootstrap interval of a paired statistic (resampling pairs with replacement, seeded).
 * Resamples where the statistic is undefined are left out; returns `undefined` when none is defined.
 *
 * @example bootstrapInterval(x, y, spearman, { resamples: 1000, seed: 1 }) // [0.21, 0.48]
 */
export function bootstrapInterval(
  x: readonly number[],
  y: readonly number[],
  statistic: (x: number[], y: number[]) => number | undefined,
  options: BootstrapOptions = {},
): [number, number] | undefined {
  const { resamples = 1000, seed = 1, level = 0.95 } = options;
  const rng = createRng(seed);
  const n = x.length;
  const values: number[] = [];
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rng.uniform() * n);
      bx[i] = x[k];
      by[i] = y[k];
    }
    const v = statistic(bx, by);
    if (v !== undefined && Number.isFinite(v)) values.push(v);
  }
  return percentileInterval(values, level);
}

/** The central `level` interval of bootstrap values (sorts them in place); `undefined` when there are none. */
export function percentileInterval(values: number[], level: number): [number, number] | undefined {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileSorted(values, tail), quantileSorted(values, 1 - tail)];
}
