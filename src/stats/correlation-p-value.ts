/**
 * Two-sided p-value of a (partial) Spearman ρ against 0 by Fisher's z with the Bonett–Wright (2000) standard error
 * √((1 + ρ²/2) / (n − 3 − controls)), the same large-sample approximation as `spearmanInterval`; `controls` is the
 * number of variables partialled out. NaN when n − 3 − controls < 1 or ρ is not finite; 0 when |ρ| = 1.
 *
 * @example correlationPValue(0.3, 100) // 0.00287…
 */
export function correlationPValue(rho: number, n: number, controls = 0): number {
  const df = n - 3 - controls;
  if (!(df >= 1) || !Number.isFinite(rho)) return NaN;
  if (Math.abs(rho) >= 1) return 0;
  const z = Math.abs(Math.atanh(rho)) / Math.sqrt((1 + (rho * rho) / 2) / df);
  return Math.min(1, erfc(z / Math.SQRT2));
}

/**
 * The complementary error function, Chebyshev fit of Numerical Recipes (`erfcc`, fractional error < 1.2e-7
 * everywhere), accurate in the far tail where 1 − erf(x) would cancel.
 *
 * @example erfc(1) // 0.1572992…
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
