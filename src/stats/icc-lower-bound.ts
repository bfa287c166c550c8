import { jStat } from "jstat";

/**
 * The one-sided lower confidence bound of ICC(C,1) (McGraw & Wong, 1996, case 3A): with F = MS_rows / MS_error,
 * which the ICC itself gives back as F = (1 + (k − 1)·ICC) / (1 − ICC), F_L = F / F_level(n − 1, (n − 1)(k − 1))
 * and the bound is (F_L − 1) / (F_L + k − 1). The ICC is above it with confidence `level` (default 0.95); a bound
 * at or below 0 means the data cannot tell the ICC from none at all. `undefined` for fewer than 2 subjects or
 * occasions, or an ICC that is not a number.
 *
 * @example iccLowerBound(0.21, 250, 3) // 0.137…
 */
export function iccLowerBound(icc: number, n: number, k: number, level = 0.95): number | undefined {
  if (!Number.isFinite(icc) || n < 2 || k < 2) return undefined;
  if (icc >= 1) return 1;
  const f = (1 + (k - 1) * icc) / (1 - icc);
  const fl = f / jStat.centralF.inv(level, n - 1, (n - 1) * (k - 1));
  return (fl - 1) / (fl + k - 1);
}
