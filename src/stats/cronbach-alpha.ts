import { sampleVariance } from "simple-statistics";

/**
 * Cronbach's α over items (columns) for the rows where every item is present:
 * α = k/(k−1) · (1 − Σ var(item) / var(total)). `undefined` with fewer than 2 items or 3 complete rows.
 * (Hand-written: simple-statistics has no α; the test checks it against the textbook formula computed in Python.)
 *
 * @example cronbachAlpha([[1, 2, 3, 4], [2, 2, 4, 5], [1, 3, 3, 5]]) // items as columns
 */
export function cronbachAlpha(items: readonly ArrayLike<number>[]): number | undefined {
  const k = items.length;
  if (k < 2) return undefined;
  const n = items[0].length;
  const complete = (i: number) => items.every((col) => Number.isFinite(col[i]));
  let m = 0;
  for (let i = 0; i < n; i++) if (complete(i)) m++;
  if (m < 3) return undefined;
  // The complete rows' items and totals in typed arrays (8 bytes a value, off the JS heap).
  const cols = items.map(() => new Float64Array(m));
  const total = new Float64Array(m);
  for (let i = 0, r = 0; r < m; i++) {
    if (!complete(i)) continue;
    let s = 0;
    items.forEach((col, j) => { cols[j][r] = col[i]; s += col[i]; });
    total[r++] = s;
  }
  const vt = sampleVariance(total as unknown as number[]);
  if (vt === 0) return undefined;
  return (k / (k - 1)) * (1 - cols.reduce((s, col) => s + sampleVariance(col as unknown as number[]), 0) / vt);
}
