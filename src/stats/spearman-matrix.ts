import { PearsonSums } from "./pearson-sums";
import { sortedPresent } from "./average-ranks";
import { ranksInOrder } from "./subset-ranks";
import type { RankScratch } from "./rank-scratch";
import { fewValueRanks } from "./few-value-ranks";

/** Up to this many distinct values a column is ranked by counting them (`fewValueRanks`) instead of sorting it. */
const FEW_VALUES = 4096;

/**
 * The Pearson correlation matrix of equal-length columns (one pass of `PearsonSums` per pair); `undefined` when a
 * column is constant or shorter than 3.
 *
 * @example correlationMatrix([[1, 2, 3, 4], [2, 4, 5, 9]])![0][1] // 0.9548…
 */
export function correlationMatrix(columns: readonly ArrayLike<number>[]): number[][] | undefined {
  const r = columns.map(() => new Array<number>(columns.length).fill(1));
  for (let a = 0; a < columns.length; a++) {
    for (let b = a + 1; b < columns.length; b++) {
      const s = new PearsonSums();
      const x = columns[a], y = columns[b];
      if (x.length !== y.length) throw new Error(`correlationMatrix requires columns of equal length (${x.length} ≠ ${y.length})`);
      for (let i = 0; i < x.length; i++) s.add(x[i], y[i]);
      const v = s.value();
      if (v === null) return undefined;
      r[a][b] = r[b][a] = v;
    }
  }
  return r;
}

/**
 * Average ranks (1-based, ties averaged) of a complete column (every value finite) in its own order: by counting its
 * values when they are few (`fewValueRanks`: a dimension's scores, 3× faster at 2M rows), else by one radix sort
 * (`sortedPresent`, with `scratch` when given). Throws on a missing value.
 *
 * @example rankValues([10, 30, 20, 20]) // Float64Array [1, 4, 2.5, 2.5]
 */
export function rankValues(values: ArrayLike<number>, scratch?: RankScratch): Float64Array {
  const few = fewValueRanks(values, FEW_VALUES);
  if (few) return few;
  const order = sortedPresent(values, scratch);
  if (order.length !== values.length) throw new Error(`rankValues requires a complete column (${values.length - order.length} of ${values.length} values missing)`);
  return ranksInOrder(values, order, scratch);
}

/**
 * The Spearman correlation matrix of equal-length complete columns: the Pearson matrix of their average ranks.
 * `undefined` when a column is constant.
 *
 * @example spearmanMatrix([[1, 2, 3, 4], [1, 3, 2, 4]])![0][1] // 0.8
 */
export function spearmanMatrix(columns: readonly ArrayLike<number>[]): number[][] | undefined {
  return correlationMatrix(columns.map((c) => rankValues(c)));
}
