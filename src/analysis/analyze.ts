import type { MetricsTables } from "../join/load-tables";
import { dimensionQuality, type DimensionQualityOptions, type DimensionQualityReport } from "./dimension-quality";
import { featureLinks, type FeatureLink, type FeatureLinkOptions } from "./feature-links";
import { studentProgress, type ProgressOptions, type ProgressReport } from "./student-progress";

export interface AnalyzeOptions {
  quality?: DimensionQualityOptions;
  links?: FeatureLinkOptions;
  progress?: ProgressOptions;
}

/** The three answers: dimension quality, features against dimensions, student progress. */
export interface Analysis {
  quality: DimensionQualityReport;
  links: FeatureLink[];
  progress: ProgressReport;
}

/**
 * Runs the three analyses over loaded tables.
 *
 * @example const a = analyze(await loadTables("metrics.log")); a.quality.dimensions["表达清晰度"].verdict
 */
export function analyze(t: MetricsTables, options: AnalyzeOptions = {}): Analysis {
  const quality = dimensionQuality(t.sessions, t.dimensions, options.quality);
  return { quality, links: featureLinks(t.joined, t.dimensions, options.links), progress: studentProgress(t.sessions, t.dimensions, quality, options.progress) };
}

/** The machine-readable shape `metrics-kit analyze --json` prints (NaN written as null). */
export function analysisJson(a: Analysis) {
  const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
  return {
    dimensions: Object.fromEntries(Object.entries(a.quality.dimensions).map(([name, d]) => [name, {
      n: d.n, mean: d.mean, std: num(d.std), q1: d.q1, median: d.median, q3: d.q3, distinct: d.distinct, ceiling_share: d.ceiling_share, floor_share: d.floor_share,
      entropy: d.entropy, item_rest_r: num(d.item_rest_r), retest_r: num(d.retest_r), retest_pairs: d.retest_pairs, verdict: d.verdict, reasons: d.reasons,
    }])),
    cronbach_alpha: num(a.quality.cronbach_alpha),
    feature_links: a.links.map(({ feature, target, n, missing, pearson, spearman, ci95, interval, significant }) => ({ feature, target, n, missing, pearson, spearman, ci95, interval, significant })),
    progress: {
      students: a.progress.students,
      dimensions: Object.fromEntries(Object.entries(a.progress.dimensions).map(([name, d]) => [name, {
        mean_change_per_session: num(d.mean_change_per_session), ci95: d.ci95.map(num), improved_students: d.improved_students, improved: d.improved,
      }])),
    },
  };
}
