import type { MetricsTables } from "../join/load-tables";
import type { LoadIssue } from "../load/load-issue";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import type { Figure } from "../figures/figure";
import { summarize, type Summary } from "../summary/summarize";
import { analyze, type AnalyzeOptions } from "../analysis/analyze";
import { qualityRows, linkRows, progressRows, studentRows } from "../analysis/result-rows";
import { plainAnswers, type PlainAnswers } from "../analysis/plain-answers";
import type { UnreachableTag } from "../rules/score-lattice";
import { replay } from "../analysis/replay";
import { scoringInput, type ScoringInput } from "../rules/scoring-input";
import { encodeScoringInput, type ScoringInputJson } from "../rules/scoring-input-json";
import { pickScoringInput } from "../rules/pick-scoring-input";
import { scoreSessions, type ScoringOutput } from "../rules/score-sessions";
import { bitShare } from "../rules/score-rules";
import { nameRecord } from "../join/name-record";
import { sessionSample, type SessionSample, type SessionSampleOptions } from "./session-sample";
import { qualityFigure } from "../figures/quality-figure";
import { histogramFigure } from "../figures/histogram-figure";
import { featureFigure } from "../figures/feature-figure";
import { thresholdLines, scoreThresholdLines } from "../figures/threshold-lines";
import { cohortFigure } from "../figures/cohort-figure";
import { replayFigure } from "../figures/replay-figure";
import { dimensionColumn, MEDIA_FEATURES } from "../join/columns";
import { finiteColumn } from "../analysis/finite-column";
import { isolateText } from "../load/isolate-text";
import { NAME_LABEL_LENGTH, shortName } from "../figures/short-label";

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
  /** The analysts' three questions answered in words (`plainAnswers`, every name from the log in an isolate: `isolateText`). */
  answers: PlainAnswers;
  /** Tags and tasks no possible score can reach under the rules (`unreachable_tags`). */
  unreachable: UnreachableTag[];
  /** Which student improved on what: `studentRows` of the students with a reliable improvement (names isolated), at most `maxImprovers`. */
  improvers: { rows: ReturnType<typeof studentRows>; total: number };
  figures: { quality: Figure; histograms: Figure[]; features: Figure[]; cohort: Figure; replay: Figure };
  /**
   * The students of the tuner's sessions (the trajectory picker): student k's sessions are the tuner's rows
   * `counts[0] + … + counts[k-1]` onwards, `counts[k]` of them, in time order. `initial`: the one with most sessions.
   */
  students: { ids: string[]; counts: number[]; initial: string | null };
  /** How the tuner's sessions were chosen: all of them (probability 1) or a seeded sample (see `sessionSample`). */
  sample: { sessions: number; students: number; probability: number; seed: number; total: SessionSample["total"] };
  /** Today's figures over every session of the log (exact, whatever the sample): tag rates and media flags. */
  exact: TodayFigures;
  /** The rules the tuner starts at: today's, or the ones given (`report --rules`). */
  rules: RulesConfig;
  /** Today's rules: what the log was scored with, the tuner's baseline and its Reset, and what the analysis reads. */
  today: RulesConfig;
  /** The tuner's sessions (the sample's rows, in its order) as compact columns. */
  tuner: ScoringInputJson;
}

/** What the rules give over all of a log's sessions: per dimension the tag rates, and the sessions media flags. */
export interface TodayFigures {
  sessions: number;
  tag_rates: Record<string, { strength: number; risk: number }>;
  media_flagged: number;
}

/** Options of `reportData`. */
export interface ReportDataOptions {
  title?: string;
  /** Students listed in the report's table of improvers (the rest are counted). Default 5,000. */
  maxImprovers?: number;
  /** Rejected lines listed in the report (all are counted). Default 500. */
  maxIssues?: number;
  /** Points drawn per feature scatter (a seeded sample). Default 1000. */
  sample?: number;
  /** The tuner's and the trajectory picker's sessions: all up to `maxSessions` (default 150,000), else a seeded sample. */
  tuner?: SessionSampleOptions;
  analyze?: AnalyzeOptions;
  /** The rules the log was scored with. Default today's (`defaultRules()`). */
  today?: RulesConfig;
}

/**
 * Gathers the report's content from loaded tables: data quality, dimension quality, features against dimensions
 * with today's thresholds, student progress, a replay of today's rules, and the tuner's columns (every session up to
 * `tuner.maxSessions`, else a seeded sample of students; today's tag rates over all sessions in `exact`). The tuner
 * starts at `rules` and counts against today's (`options.today`): everything else is read with today's rules, which
 * the log was scored with. Its size is bounded whatever the log's: every chart is binned or sampled.
 *
 * @example reportHtml(reportData(await loadTables("metrics.log"), defaultRules()))
 */
export function reportData(t: MetricsTables, rules: RulesConfig, options: ReportDataOptions = {}): ReportData {
  const { title = "Interview metrics report", maxIssues = 500, today = defaultRules() } = options;
  const { issues, ...summary } = summarize(t);
  // In two parts, each leaving only what the page shows: the analysis (its per-student results are ~350 MB at 2M
  // sessions) is gone before every session is scored.
  const analysed = analysisParts(t, today, options);
  const scored = scoringParts(t, today, options.tuner);
  const { figures, ...rest } = analysed;
  return {
    title,
    summary,
    issues: { shown: issues.slice(0, maxIssues), total: issues.length, errors: issues.filter((i) => i.severity === "error").length },
    ...rest,
    figures: { ...figures, replay: scored.replay },
    students: scored.students,
    sample: scored.sample,
    exact: scored.exact,
    rules,
    today,
    tuner: scored.tuner,
  };
}

/** The report's parts read off the analysis: tables, answers, improvers and the figures of quality, features and progress. */
function analysisParts(t: MetricsTables, rules: RulesConfig, options: ReportDataOptions) {
  const { sample = 1000, maxImprovers = 5000 } = options;
  const analysis = analyze(t, options.analyze);
  const strongest = linkRows(analysis.links, { significant: true, targets: "scores" }).slice(0, 2);
  // The clarity rule's inputs against its dimension, when the log has that dimension at all (not in a media-only log).
  const clarity = t.dimensions.includes(rules.clarity.dimension) ? (["filler_ratio", "avg_answer_len"] as const) : [];
  const features = [
    ...clarity.map((f) => featureFigure(t.joined, f, rules.clarity.dimension, { lines: thresholdLines(rules, f), sample })),
    ...strongest.map((l) => featureFigure(t.joined, l.feature, l.target, { lines: thresholdLines(rules, l.feature), sample })),
  ];
  // Names written into text the page shows as is (answers, lists of dimensions) are isolated: a bidi override in one
  // cannot reverse the text around it.
  const improvers = studentRows(analysis.progress, { improvedOnly: true, name: isolateText });
  return {
    quality: qualityRows(analysis.quality),
    cronbach_alpha: analysis.quality.cronbach_alpha,
    links: linkRows(analysis.links, { significant: true }).slice(0, 20),
    progress: progressRows(analysis.progress),
    answers: plainAnswers(analysis, rules, { name: isolateText }),
    unreachable: analysis.unreachable_tags,
    improvers: { rows: improvers.slice(0, maxImprovers), total: improvers.length },
    figures: {
      quality: qualityFigure(analysis.quality),
      histograms: t.dimensions.map((d) => histogramFigure(finiteColumn(t.sessions, dimensionColumn(d)), { title: shortName(d, NAME_LABEL_LENGTH), name: d, x: "score", lines: scoreThresholdLines(rules) })),
      features,
      cohort: cohortFigure(analysis.progress),
    },
  };
}

/** The report's parts that score sessions: the replay over every session, today's exact figures, and the tuner's sample. */
function scoringParts(t: MetricsTables, rules: RulesConfig, tuner: SessionSampleOptions | undefined) {
  const input = allSessionsInput(t, rules);
  const todayOut = scoreSessions(input, rules);
  const replayed = replayFigure(replay(input, rules, todayOut));
  const exact = todayFigures(input, todayOut);
  const picked = sessionSample(t.joined, tuner);
  return {
    replay: replayed,
    students: { ...picked.students, initial: mostActive(picked.students) },
    sample: { sessions: picked.rows.length, students: picked.students.ids.length, probability: picked.probability, seed: picked.seed, total: picked.total },
    exact,
    tuner: encodeScoringInput(sampleInput(t, input, picked.rows)),
  };
}

/** Today's tag rates and media flags over every session of `input` (what the page's sample estimates). */
function todayFigures(input: ScoringInput, out: ScoringOutput): TodayFigures {
  const tag_rates = nameRecord<{ strength: number; risk: number }>();
  input.dimensions.forEach((d, k) => (tag_rates[d] = { strength: bitShare(out.strength, k), risk: bitShare(out.risk, k) }));
  let media_flagged = 0;
  for (let i = 0; i < out.media_flag.length; i++) media_flagged += out.media_flag[i];
  return { sessions: input.session_id.length, tag_rates, media_flagged };
}

/** The student with most sessions (ties: the first, i.e. the smallest id); null when there is none. */
function mostActive(students: { ids: string[]; counts: number[] }): string | null {
  let best = -1;
  students.counts.forEach((c, k) => { if (best < 0 || c > students.counts[best]) best = k; });
  return best < 0 ? null : students.ids[best];
}

/**
 * The scoring input of every session, with only the media features that `rules` bound (what today's scoring reads):
 * the other media means are needed for the sample only, and at 2M sessions each costs 18 MB.
 */
function allSessionsInput(t: MetricsTables, rules: RulesConfig): ScoringInput {
  const media = new Set<string>(MEDIA_FEATURES);
  const bounded = new Set(Object.entries(rules.media).filter(([, b]) => b.min !== null || b.max !== null).map(([f]) => f));
  return scoringInput(t.joined.select(t.joined.columnNames().filter((c) => !media.has(c) || bounded.has(c))), t.dimensions, rules);
}

/** The sample's scoring input: `input` at `rows`, with every media feature of the table (in `MEDIA_FEATURES` order). */
function sampleInput(t: MetricsTables, input: ScoringInput, rows: Int32Array): ScoringInput {
  const picked = pickScoringInput(input, rows);
  const names = new Set(t.joined.columnNames());
  const media: Record<string, Float64Array> = nameRecord<Float64Array>();
  for (const f of MEDIA_FEATURES) {
    if (!names.has(f)) continue;
    if (picked.media[f]) {
      media[f] = picked.media[f];
      continue;
    }
    // Read at the sample's rows only (not `array(f)`: a boxed copy of every session).
    const get = t.joined.getter(f);
    media[f] = Float64Array.from(rows, (r) => {
      const v = get(r);
      return typeof v === "number" ? v : NaN;
    });
  }
  return { ...picked, media };
}
