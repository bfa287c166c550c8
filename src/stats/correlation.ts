import { sampleCorrelation, sampleRankCorrelation, variance } from "simple-statistics";

/**
 * Pearson's r of complete pairs (simple-statistics `sampleCorrelation`); `undefined` when n < 3 or a column is
 * constant.
 *
 * @example pearson([1, 2, 3, 4], [2, 4, 5, 9]) // 0.9548…
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  // simple-statistics' variance and sampleCorrelation only read their arguments by index (no copies needed; typed arrays too).
  const xs = x as number[];
  const ys = y as number[];
  if (x.length < 3 || variance(xs) === 0 || variance(ys) === 0) return undefined;
  return sampleCorrelation(xs, ys);
}

/**
 * Spearman's ρ (Pearson's r of the ranks, ties averaged; simple-statistics `sampleRankCorrelation`); `undefined`
 * when n < 3 or a column is constant.
 *
 * @example spearman([1, 2, 3, 4], [1, 3, 2, 4]) // 0.8
 */
export function spearman(x: readonly number[], y: readonly number[]): number | undefined {
  if (x.length < 3 || variance([...x]) === 0 || variance([...y]) === 0) return undefined;
  return sampleRankCorrelation([...x], [...y]);
}
