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

/**
 * The partial correlation of variables `x` and `y` controlling for every variable in `controls`, from their
 * correlation matrix `r`, by the recursion r_xy·Sz = (r_xy·S − r_xz·S r_yz·S) / √((1 − r_xz·S²)(1 − r_yz·S²)).
 * With one control it is `partialCorrelation`. `undefined` when a control explains x or y fully.
 *
 * @example partialCorrelationGiven([[1, 0.5, 0.6, 0.2], [0.5, 1, 0.7, 0.1], [0.6, 0.7, 1, 0.3], [0.2, 0.1, 0.3, 1]], 0, 1, [2, 3]) // 0.1462…
 */
export function partialCorrelationGiven(r: readonly (readonly number[])[], x: number, y: number, controls: readonly number[]): number | undefined {
  if (controls.length === 0) return r[x][y];
  const rest = controls.slice(0, -1);
  const z = controls[controls.length - 1];
  const rxy = partialCorrelationGiven(r, x, y, rest);
  const rxz = partialCorrelationGiven(r, x, z, rest);
  const ryz = partialCorrelationGiven(r, y, z, rest);
  return rxy === undefined || rxz === undefined || ryz === undefined ? undefined : partialCorrelation(rxy, rxz, ryz);
}
