import type { DimensionQualityReport } from "./dimension-quality";
import type { FeatureLink } from "./feature-links";
import type { ProgressReport } from "./student-progress";
import type { RulesDiff } from "./rules-diff";

const round = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

/** A q- or p-value to 2 significant digits: a tiny one stays readable (2.7e-92), not rounded to 0. */
const significance = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toPrecision(2)));

/** Dimension quality as one row per dimension (verdict, flags and reasons first), for a table. */
export function qualityRows(report: DimensionQualityReport) {
  return Object.entries(report.dimensions).map(([dimension, d]) => ({
    dimension, verdict: d.verdict, flags: d.flags.join(", "), reasons: d.reasons.join("; "), n: d.n, mean: round(d.mean, 1), std: round(d.std, 1), median: d.median,
    distinct: d.distinct, ceiling_share: round(d.ceiling_share), floor_share: round(d.floor_share), entropy: round(d.entropy),
    item_rest_r: round(d.item_rest_r), partial_item_rest_r: round(d.partial_item_rest_r), retest_r: round(d.retest_r), retest_icc: round(d.retest_icc),
    retest_icc_lower: round(d.retest_icc_lower), retest_pairs: d.retest_pairs, length_r: round(d.length_r), answers_r: round(d.answers_r), supported: d.supported,
  }));
}

/** Options of `linkRows`. */
export interface LinkRowsOptions {
  /** Only significant links (Benjamini–Hochberg q < 0.05 over the run). Default false. */
  significant?: boolean;
  /** `scores`: dimensions and the overall score only (no `risk:` targets). Default all. */
  targets?: "all" | "scores";
}

/**
 * Feature links as rows, strongest |Spearman| first; figures to 3 decimals, q to 2 significant digits (a q of
 * 2.7e-92 is no 0). The links themselves (`analyze --json`) keep every digit.
 *
 * @example linkRows(analyze(t).links, { significant: true })[0] // { feature: "audio.filler_word_ratio", target: "表达清晰度", spearman: -0.618, q: 2.7e-92, … }
 */
export function linkRows(links: readonly FeatureLink[], options: LinkRowsOptions = {}) {
  return links
    .filter((l) => (!options.significant || l.significant) && (options.targets !== "scores" || !l.target.startsWith("risk:")))
    .sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman))
    .map((l) => ({ feature: l.feature, target: l.target, n: l.n, missing: l.missing, spearman: round(l.spearman), ci95_lo: round(l.ci95[0]), ci95_hi: round(l.ci95[1]), pearson: round(l.pearson), q: significance(l.q), partial_spearman: round(l.partial_spearman), significant: l.significant, interval: l.interval }));
}

/** Student progress as one row per dimension: mean change per session, its interval, improved students. */
export function progressRows(progress: ProgressReport) {
  return Object.entries(progress.dimensions).map(([dimension, d]) => ({
    dimension, mean_change_per_session: round(d.mean_change_per_session, 2), ci95_lo: round(d.ci95[0], 2), ci95_hi: round(d.ci95[1], 2),
    cohort_improves: d.improved, improved_students: d.improved_students, of_students: progress.students,
  }));
}

/** Options of `studentRows`. */
export interface StudentRowsOptions {
  /** Only students who improved reliably on at least one dimension. Default false. */
  improvedOnly?: boolean;
  /** How each dimension name is written into the `improved` list. Default as it is; the HTML report isolates them (`isolateText`). */
  name?: (name: string) => string;
}

/**
 * Student progress as one row per student: sessions, the dimensions improved beyond measurement error, and per
 * dimension first → last with its reliable change index, under the column `change: <dimension>` (a prefix no other
 * column has, whatever the dimension is called).
 *
 * @example studentRows(analyze(t).progress, { improvedOnly: true })[0] // { user_id: "u_…", sessions: 5, improved: "表达清晰度", "change: 表达清晰度": "70 → 92 (RCI 2.41)", … }
 */
export function studentRows(progress: ProgressReport, options: StudentRowsOptions = {}) {
  const students = options.improvedOnly ? progress.by_student.filter((s) => s.improved.length > 0) : progress.by_student;
  const name = options.name ?? ((n: string) => n);
  return students.map((s) => {
    const row: Record<string, string | number> = { user_id: s.user_id, sessions: s.sessions, improved: s.improved.map(name).join(", ") || "—" };
    for (const [dimension, c] of Object.entries(s.changes)) row[`change: ${dimension}`] = `${c.first} → ${c.last}${c.rci === null ? "" : ` (RCI ${c.rci.toFixed(2)})`}`;
    return row;
  });
}

/** A rules diff as one row per dimension: tag rates before → after. */
export function diffRows(diff: RulesDiff) {
  return Object.entries(diff.tag_rates).map(([dimension, r]) => ({
    dimension, strength_before: round(r.strength[0]), strength_after: round(r.strength[1]), risk_before: round(r.risk[0]), risk_after: round(r.risk[1]),
  }));
}
