import { sampleVariance } from "simple-statistics";

/**
 * Cronbach's α over items (columns) for the rows where every item is present:
 * α = k/(k−1) · (1 − Σ var(item) / var(total)). `undefined` with fewer than 2 items or 3 complete rows.
 * (Hand-written: simple-statistics has no α; the test checks it against the textbook formula computed in Python.)
 *
 * @example cronbachAlpha([[1, 2, 3, 4], [2, 2, 4, 5], [1, 3, 3, 5]]) // items as columns
 */
export function cronbachAlpha(items: readonly (readonly number[])[]): number | undefined {
  const k = items.length;
  if (k < 2) return undefined;
  const n = items[0].length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (items.every((col) => Number.isFinite(col[i]))) rows.push(i);
  if (rows.length < 3) return undefined;
  const cols = items.map((col) => rows.map((i) => col[i]));
  const total = rows.map((_, r) => cols.reduce((s, col) => s + col[r], 0));
  const vt = sampleVariance(total);
  if (vt === 0) return undefined;
  return (k / (k - 1)) * (1 - cols.reduce((s, col) => s + sampleVariance(col), 0) / vt);
}
