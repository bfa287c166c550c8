import type { MetricsTables } from "../join/load-tables";
import type { LoadIssue } from "../load/load-issue";
import type { RulesConfig } from "../rules/rules-config";
import type { Figure } from "../figures/figure";
import { summarize, type Summary } from "../summary/summarize";
import { analyze, type AnalyzeOptions } from "../analysis/analyze";
import { qualityRows, linkRows, progressRows } from "../analysis/result-rows";
import { replay } from "../analysis/replay";
import { scoringInput } from "../rules/scoring-input";
import { encodeScoringInput, type ScoringInputJson } from "../rules/scoring-input-json";
import { studentTimelines } from "../join/student-timelines";
import { mostActiveStudent } from "../join/most-active-student";
import { qualityFigure } from "../figures/quality-figure";
import { histogramFigure } from "../figures/histogram-figure";
import { featureFigure } from "../figures/feature-figure";
import { thresholdLines, scoreThresholdLines } from "../figures/threshold-lines";
import { cohortFigure } from "../figures/cohort-figure";
import { replayFigure } from "../figures/replay-figure";
import { dimensionColumn } from "../join/columns";

/** Everything the HTML report shows, as JSON: the page's script reads it and draws. */
export interface ReportData {
  title: string;
  summary: Omit<Summary, "issues">;
  /** Rejected lines and warnings: the first `maxIssues`, and how many there are. */
  issues: { shown: LoadIssue[]; total: number; errors: number };
  quality: ReturnType<typeof qualityRows>;
  cronbach_alpha: number | null;
  links: ReturnType<typeof linkRows>;
  progress: ReturnType<typeof progressRows>;
  figures: { quality: Figure; histograms: Figure[]; features: Figure[]; cohort: Figure; replay: Figure };
  /** Students (ids) and their sessions' rows in the tuner's columns, in time order: the trajectory picker. */
  students: { ids: string[]; rows: number[][]; initial: string | null };
  /** Today's rules (or the ones given): the tuner's starting point and its Reset. */
  rules: RulesConfig;
  tuner: ScoringInputJson;
}

/** Options of `reportData`. */
export interface ReportDataOptions {
  title?: string;
  /** Rejected lines listed in the report (all are counted). Default 500. */
  maxIssues?: number;
  /** Points drawn per feature scatter (a seeded sample). Default 1000. */
  sample?: number;
  analyze?: AnalyzeOptions;
}

/**
 * Gathers the report's content from loaded tables: data quality, dimension quality, features against dimensions
 * with today's thresholds, student progress, a replay of the rules, and the tuner's columns.
 */
export function reportData(t: MetricsTables, rules: RulesConfig, options: ReportDataOptions = {}): ReportData {
  const { title = "Interview metrics report", maxIssues = 500, sample = 1000 } = options;
  const { issues, ...summary } = summarize(t);
  const analysis = analyze(t, options.analyze);
  const input = scoringInput(t.joined, t.dimensions, rules);
  const strongest = linkRows(analysis.links, { significant: true, targets: "scores" }).slice(0, 2);
  // The clarity rule's inputs against its dimension, when the log has that dimension at all (not in a media-only log).
  const clarity = t.dimensions.includes(rules.clarity.dimension) ? (["filler_ratio", "avg_answer_len"] as const) : [];
  const features = [
    ...clarity.map((f) => featureFigure(t.joined, f, rules.clarity.dimension, { lines: thresholdLines(rules, f), sample })),
    ...strongest.map((l) => featureFigure(t.joined, l.feature, l.target, { lines: thresholdLines(rules, l.feature), sample })),
  ];
  // Row positions of each student's sessions in time order (the tuner's columns follow t.joined's rows).
  const rowOf = new Map((t.joined.array("session_id") as string[]).map((id, i) => [id, i]));
  const tl = studentTimelines(t.joined);
  const byUser = new Map<string, number[]>();
  const users = tl.array("user_id") as string[];
  const ids = tl.array("session_id") as string[];
  for (let i = 0; i < users.length; i++) {
    if (!byUser.has(users[i])) byUser.set(users[i], []);
    byUser.get(users[i])!.push(rowOf.get(ids[i])!);
  }
  return {
    title,
    summary,
    issues: { shown: issues.slice(0, maxIssues), total: issues.length, errors: issues.filter((i) => i.severity === "error").length },
    quality: qualityRows(analysis.quality),
    cronbach_alpha: analysis.quality.cronbach_alpha,
    links: linkRows(analysis.links, { significant: true }).slice(0, 20),
    progress: progressRows(analysis.progress),
    figures: {
      quality: qualityFigure(analysis.quality),
      histograms: t.dimensions.map((d) => histogramFigure(t.sessions.array(dimensionColumn(d)), { title: d, x: "score", lines: scoreThresholdLines(rules) })),
      features,
      cohort: cohortFigure(analysis.progress),
      replay: replayFigure(replay(input, rules)),
    },
    students: { ids: [...byUser.keys()], rows: [...byUser.values()], initial: mostActiveStudent(t.sessions) ?? null },
    rules,
    tuner: encodeScoringInput(input),
  };
}
