import type { MetricsTables } from "../join/load-tables";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { studentTimelines } from "../join/student-timelines";
import { dimensionQuality, qualityFigureSteps, type DimensionQualityOptions, type DimensionQualityReport } from "./dimension-quality";
import { featureLinksAlongside, type FeatureLink, type FeatureLinkOptions } from "./feature-links";
import { studentProgress, type ProgressOptions, type ProgressReport } from "./student-progress";
import { unreachableTags, type UnreachableTag } from "../rules/score-lattice";
import { plainAnswers } from "./plain-answers";
import { timelineInput } from "./timeline-input";

export interface AnalyzeOptions {
  quality?: DimensionQualityOptions;
  links?: FeatureLinkOptions;
  progress?: ProgressOptions;
  /** The rules the scores were made with (what the rule-built scores are computed from, their reachable tags). Default today's. */
  rules?: RulesConfig;
}

/** The three answers: dimension quality, features against dimensions, student progress; and the tags no score can reach. */
export interface Analysis {
  quality: DimensionQualityReport;
  links: FeatureLink[];
  progress: ProgressReport;
  unreachable_tags: UnreachableTag[];
}

/**
 * Runs the three analyses over loaded tables: the feature links first (media and text features against every
 * dimension), then dimension quality reading them as external evidence, then student progress on the quality's
 * growth-corrected reliability; and the tags the rules make unreachable for the dimensions of the data.
 *
 * @example const a = analyze(await loadTables("metrics.log")); a.quality.dimensions["表达清晰度"].verdict
 */
export function analyze(t: MetricsTables, options: AnalyzeOptions = {}): Analysis {
  const rules = options.rules ?? defaultRules();
  // The timeline of the columns the analyses read (the same rows in the same order as studentTimelines(t.sessions)),
  // and the dimensions' figures that need no link, computed while the links' worker runs.
  const { links, extra } = featureLinksAlongside(t.joined, t.dimensions, options.links ?? {}, function* () {
    const timeline = studentTimelines(timelineInput(t.sessions, t.dimensions));
    yield;
    const figures = yield* qualityFigureSteps(t.sessions, t.dimensions, { rules, timeline, ...options.quality });
    return { timeline, figures };
  });
  const { timeline, figures } = extra;
  const quality = dimensionQuality(t.sessions, t.dimensions, { rules, timeline, ...options.quality, links, figures });
  return { quality, links, progress: studentProgress(t.sessions, t.dimensions, quality, { timeline, ...options.progress }), unreachable_tags: unreachableTags(rules).filter((u) => t.dimensions.includes(u.dimension)) };
}

const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/**
 * The machine-readable shape `metrics-kit analyze --json` prints (NaN written as null). `progress.students` lists
 * every student with at least 3 sessions (`progress.student_count` counts them); `plain_answers` are the three
 * questions answered in words (`plainAnswers`).
 *
 * @example analysisJson(analyze(t)).dimensions["表达清晰度"].flags // ["concentrated"]
 */
export function analysisJson(a: Analysis, rules: RulesConfig = defaultRules()) {
  return {
    dimensions: Object.fromEntries(Object.entries(a.quality.dimensions).map(([name, d]) => [name, {
      n: d.n, mean: d.mean, std: num(d.std), q1: d.q1, median: d.median, q3: d.q3, distinct: d.distinct, ceiling_share: d.ceiling_share, floor_share: d.floor_share,
      entropy: d.entropy, item_rest_r: num(d.item_rest_r), partial_item_rest_r: num(d.partial_item_rest_r), length_r: num(d.length_r), answers_r: num(d.answers_r),
      retest_r: num(d.retest_r), retest_pairs: d.retest_pairs, retest_icc: num(d.retest_icc), retest_icc_students: d.retest_icc_students, retest_icc_sessions: d.retest_icc_sessions,
      retest_icc_lower: num(d.retest_icc_lower), evidence: d.evidence.map((e) => ({ ...e, q: num(e.q) })), supported: d.supported, flags: d.flags, verdict: d.verdict, reasons: d.reasons,
    }])),
    cronbach_alpha: num(a.quality.cronbach_alpha),
    unreachable_tags: a.unreachable_tags,
    feature_links: a.links.map(({ feature, target, n, missing, pearson, spearman, ci95, interval, p, q, significant, partial_spearman, partial_p }) => ({
      feature, target, n, missing, pearson, spearman, ci95, interval, p: num(p), q: num(q), significant, partial_spearman, partial_p: num(partial_p),
    })),
    progress: {
      students: a.progress.by_student,
      student_count: a.progress.students,
      dimensions: Object.fromEntries(Object.entries(a.progress.dimensions).map(([name, d]) => [name, {
        mean_change_per_session: num(d.mean_change_per_session), ci95: d.ci95.map(num), improved_students: d.improved_students, improved: d.improved,
      }])),
    },
    plain_answers: plainAnswers(a, rules),
  };
}
