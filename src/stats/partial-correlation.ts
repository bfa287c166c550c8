/**
 * The partial correlation of x and y controlling for z, from the three pairwise correlations:
 * r_xy·z = (r_xy − r_xz r_yz) / √((1 − r_xz²)(1 − r_yz²)) (`../shared/analysis-references.md`, validity).
 * Given Spearman's ρ's it is the partial Spearman correlation (controlling for the rank of z). `undefined` when
 * |r_xz| or |r_yz| is 1 (nothing is left once z is known).
 *
 * @example partialCorrelation(0.5, 0.6, 0.7) // 0.1400…
 */
export function partialCorrelation(rxy: number, rxz: number, ryz: number): number | undefined {
  const d = (1 - rxz * rxz) * (1 - ryz * ryz);
  if (!(d > 0)) return undefined;
  return Math.max(-1, Math.min(1, (rxy - rxz * ryz) / Math.sqrt(d)));
}
