import type { DimensionQualityReport } from "./dimension-quality";
import type { FeatureLink } from "./feature-links";
import type { ProgressReport } from "./student-progress";
import type { RulesDiff } from "./rules-diff";

const round = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

/** Dimension quality as one row per dimension (verdict and reasons first), for a table. */
export function qualityRows(report: DimensionQualityReport) {
  return Object.entries(report.dimensions).map(([dimension, d]) => ({
    dimension, verdict: d.verdict, reasons: d.reasons.join("; "), n: d.n, mean: round(d.mean, 1), std: round(d.std, 1), median: d.median,
    distinct: d.distinct, ceiling_share: round(d.ceiling_share), floor_share: round(d.floor_share), entropy: round(d.entropy),
    item_rest_r: round(d.item_rest_r), retest_r: round(d.retest_r), retest_pairs: d.retest_pairs,
  }));
}

/** Options of `linkRows`. */
export interface LinkRowsOptions {
  /** Only links whose interval excludes 0. Default false. */
  significant?: boolean;
  /** `scores`: dimensions and the overall score only (no `risk:` targets). Default all. */
  targets?: "all" | "scores";
}

/** Feature links as rows, strongest |Spearman| first. */
export function linkRows(links: readonly FeatureLink[], options: LinkRowsOptions = {}) {
  return links
    .filter((l) => (!options.significant || l.significant) && (options.targets !== "scores" || !l.target.startsWith("risk:")))
    .sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman))
    .map((l) => ({ feature: l.feature, target: l.target, n: l.n, missing: l.missing, spearman: round(l.spearman), ci95_lo: round(l.ci95[0]), ci95_hi: round(l.ci95[1]), pearson: round(l.pearson), significant: l.significant, interval: l.interval }));
}

/** Student progress as one row per dimension: mean change per session, its interval, improved students. */
export function progressRows(progress: ProgressReport) {
  return Object.entries(progress.dimensions).map(([dimension, d]) => ({
    dimension, mean_change_per_session: round(d.mean_change_per_session, 2), ci95_lo: round(d.ci95[0], 2), ci95_hi: round(d.ci95[1], 2),
    cohort_improves: d.improved, improved_students: d.improved_students, of_students: progress.students,
  }));
}

/** A rules diff as one row per dimension: tag rates before → after. */
export function diffRows(diff: RulesDiff) {
  return Object.entries(diff.tag_rates).map(([dimension, r]) => ({
    dimension, strength_before: round(r.strength[0]), strength_after: round(r.strength[1]), risk_before: round(r.risk[0]), risk_after: round(r.risk[1]),
  }));
}
