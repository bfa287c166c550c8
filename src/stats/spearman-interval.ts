/**
 * Large-sample 95% interval of Spearman's ρ: Fisher's z with the Bonett–Wright (2000) standard error
 * √((1 + ρ²/2) / (n − 3)). Used instead of the bootstrap when n is large, where the two agree and the bootstrap
 * costs 1,000 re-rankings. `undefined` when n ≤ 3 or |ρ| = 1.
 *
 * @example spearmanInterval(0.3, 10000) // [0.281, 0.318]
 */
export function spearmanInterval(rho: number, n: number): [number, number] | undefined {
  if (n <= 3 || !(Math.abs(rho) < 1)) return undefined;
  const z = Math.atanh(rho);
  const se = Math.sqrt((1 + (rho * rho) / 2) / (n - 3));
  const q = 1.959963984540054; // the standard normal's 97.5% quantile
  return [Math.tanh(z - q * se), Math.tanh(z + q * se)];
}
