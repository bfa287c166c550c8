import type * as aq from "arquero";
import { describe } from "../stats/describe";
import { presentValues } from "../stats/finite-values";
import { pairedColumns } from "../stats/paired-columns";
import { pearson } from "../stats/correlation";
import { correlationMatrix, rankValues } from "../stats/spearman-matrix";
import { partialCorrelationGiven } from "../stats/partial-correlation";
import { gather } from "../stats/gather";
import { completeRows } from "../stats/complete-rows";
import { sameRows } from "../stats/same-rows";
import { RankScratch } from "../stats/rank-scratch";
import { normalizedEntropy } from "../stats/normalized-entropy";
import { cronbachAlpha } from "../stats/cronbach-alpha";
import { studentTimelines } from "../join/student-timelines";
import { dimensionColumn } from "../join/columns";
import { nameRecord } from "../join/name-record";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { featureLinks, type FeatureLink } from "./feature-links";
import { dimensionEvidence, type EvidenceLink } from "./dimension-evidence";
import { consecutiveRetest, growthCorrectedRetest } from "./retest-reliability";
import { LENGTH_CONTROLS, textFeatureValues } from "./text-features";
import { timelineInput } from "./timeline-input";
import { finiteColumn } from "./finite-column";
import { runSteps } from "./steps";
import { qualityVerdict, type QualityFlag, type VerdictOptions } from "./quality-verdict";

/** The criteria behind the verdicts (`VerdictOptions`, `EvidenceOptions`) and how the figures are computed; each default names its source. */
export interface DimensionQualityOptions extends VerdictOptions {
  /** Fewer consecutive-session pairs than this leave retest_r null. Default 20. */
  minPairs?: number;
  /** The ICC reads each student's first this many scored sessions. Default 3 (the progress analysis' minimum). */
  iccSessions?: number;
  /** Fewer students with `iccSessions` sessions than this leave retest_icc null. Default 10. */
  minStudents?: number;
  /** Feature links of the run (`featureLinks` over the joined table); default computed over `sessions` (text features only, no bootstrap). */
  links?: readonly FeatureLink[];
  /** The rules, to know what the rule-built scores are computed from. Default today's. */
  rules?: RulesConfig;
  /** `studentTimelines(sessions)` when the caller has it (analyze shares it with studentProgress). */
  timeline?: aq.ColumnTable;
  /** `qualityFigures(sessions, dimensions, options)` when the caller has them (analyze computes them alongside the links). */
  figures?: DimensionFiguresReport;
}

/** The quality of one dimension. */
export interface DimensionQuality {
  n: number;
  mean: number;
  std: number;
  q1: number;
  median: number;
  q3: number;
  distinct: number;
  floor_share: number;
  ceiling_share: number;
  entropy: number;
  /** Corrected item–rest r: the dimension against the mean of the others (complete rows). */
  item_rest_r: number | null;
  /** Item–rest at an equal amount said: the partial Spearman ρ of item and rest given the ranks of total_words and of the number of answers. */
  partial_item_rest_r: number | null;
  /** Spearman's ρ of the score with total_words. */
  length_r: number | null;
  /** Spearman's ρ of the score with the number of answers (total_words / avg_answer_len). */
  answers_r: number | null;
  /** Pearson r between a student's consecutive sessions (lowered by real growth). */
  retest_r: number | null;
  retest_pairs: number;
  /** Growth-corrected retest reliability: ICC(C,1) over each student's first `retest_icc_sessions` sessions, session index fixed (McGraw & Wong, 1996). */
  retest_icc: number | null;
  retest_icc_students: number;
  retest_icc_sessions: number;
  /** The ICC's one-sided lower confidence bound (`retestConfidence`, McGraw & Wong, 1996): ≤ 0, no more stable than chance. */
  retest_icc_lower: number | null;
  /** Links to observable features it is not built from, after the length control (see `dimensionEvidence`). */
  evidence: EvidenceLink[];
  supported: boolean;
  flags: QualityFlag[];
  verdict: "ok" | "concentrated" | "arbitrary";
  /** Every criterion that fired, with the figure that raised it. */
  reasons: string[];
}

export interface DimensionQualityReport {
  dimensions: Record<string, DimensionQuality>;
  /** Cronbach's α over the dimensions (complete rows); ≥ 0.70 is the usual floor, > 0.95 suggests redundancy. */
  cronbach_alpha: number | null;
}

/**
 * Scores every dimension found in the data (never a fixed list) for spread, bounds, stability, relatedness, the
 * length confound and external evidence, flags it (`concentrated`, `unreliable`, `length_driven`, `unsupported`)
 * and gives a verdict: `arbitrary` (unreliable AND unsupported) wins over `concentrated`; otherwise `ok`.
 *
 * @example dimensionQuality(t.sessions, t.dimensions, { links: featureLinks(t.joined, t.dimensions) }).dimensions["表达清晰度"].verdict // "ok"
 */
export function dimensionQuality(sessions: aq.ColumnTable, dimensions: readonly string[], options: DimensionQualityOptions = {}): DimensionQualityReport {
  const rules = options.rules ?? defaultRules();
  const figures = options.figures ?? qualityFigures(sessions, dimensions, options);
  const links = options.links ?? featureLinks(sessions, dimensions, { resamples: 0 });
  const evidence = dimensionEvidence(links, dimensions, rules, options);
  const out = nameRecord<DimensionQuality>();
  for (const name of dimensions.filter((d) => d in figures.dimensions)) {
    const f = { ...figures.dimensions[name], evidence: evidence[name].links, supported: evidence[name].supported };
    out[name] = { ...f, ...qualityVerdict(f, options) };
  }
  return { dimensions: out, cronbach_alpha: figures.cronbach_alpha };
}

/** A dimension's figures that need no feature link: all of `DimensionQuality` but its evidence and verdict. */
export type DimensionFigures = Omit<DimensionQuality, "evidence" | "supported" | "flags" | "verdict" | "reasons" | "retest_icc_lower">;

/** What `qualityFigures` gives: each dimension's figures (dimensions with no score left out) and Cronbach's α. */
export interface DimensionFiguresReport {
  dimensions: Record<string, DimensionFigures>;
  cronbach_alpha: number | null;
}

/** The figures of `dimensionQuality` that need no feature link, computed at once (see `qualityFigureSteps`). */
export function qualityFigures(sessions: aq.ColumnTable, dimensions: readonly string[], options: DimensionQualityOptions = {}): DimensionFiguresReport {
  return runSteps(qualityFigureSteps(sessions, dimensions, options));
}

/**
 * The figures of `dimensionQuality` that need no feature link, a dimension at a time: the generator yields after
 * each, so that the analysis computes them on the calling thread while the links' worker runs, feeding it between
 * dimensions (`featureLinksAlongside`); `dimensionQuality` then adds the links' evidence and the verdicts.
 */
export function* qualityFigureSteps(sessions: aq.ColumnTable, dimensions: readonly string[], options: DimensionQualityOptions = {}): Generator<void, DimensionFiguresReport, undefined> {
  const { scale = [0, 100], minPairs = 20, iccSessions = 3, minStudents = 10 } = options;
  // Every column of every session in typed arrays (NaN where missing): 8 bytes a value, off the JS heap.
  const columns = dimensions.map((d) => finiteColumn(sessions, dimensionColumn(d)));
  const hasText = sessions.columnNames().includes("total_words");
  // [total_words, answers]: the amount said, in both its measures.
  const controls = hasText ? LENGTH_CONTROLS.map((f) => textFeatureValues(sessions, f)) : [];
  const rankCache: RankCache = { scratch: new RankScratch() };
  const timeline = options.timeline ?? studentTimelines(timelineInput(sessions, dimensions));
  // Row sums over complete rows (every dimension present); NaN elsewhere. The rest score of dimension j is (sum − x_j) / (k − 1).
  const rowSum = new Float64Array(columns[0]?.length ?? 0);
  for (const c of columns) for (let i = 0; i < rowSum.length; i++) rowSum[i] += c[i];
  const out = nameRecord<DimensionFigures>();
  for (let j = 0; j < dimensions.length; j++) {
    const name = dimensions[j];
    const col = columns[j];
    const values = presentValues(col);
    const d = describe(values);
    if (!d) continue;
    const rest = col.map((v, i) => (rowSum[i] - v) / (columns.length - 1));
    const ir = columns.length > 1 ? pairedColumns(col, rest) : { x: new Float64Array(0), y: new Float64Array(0) };
    const retest = consecutiveRetest(timeline, name);
    const icc = growthCorrectedRetest(timeline, name, iccSessions);
    const length = controls.length ? lengthFigures(col, columns.length > 1 ? rest : undefined, controls, rankCache) : { length_r: null, answers_r: null, partial_item_rest_r: null };
    out[name] = {
      n: d.n, mean: d.mean, std: d.std, q1: d.q1, median: d.median, q3: d.q3, distinct: new Set(values).size,
      floor_share: countWhere(values, (v) => v <= scale[0]) / values.length, ceiling_share: countWhere(values, (v) => v >= scale[1]) / values.length,
      entropy: normalizedEntropy(values, scale[0], scale[1]) ?? 0,
      item_rest_r: pearson(ir.x, ir.y) ?? null,
      ...length,
      retest_r: retest.pairs >= minPairs ? retest.r ?? null : null, retest_pairs: retest.pairs,
      retest_icc: icc.students >= minStudents ? icc.icc ?? null : null, retest_icc_students: icc.students, retest_icc_sessions: icc.sessions,
    };
    yield;
  }
  return { dimensions: out, cronbach_alpha: cronbachAlpha(columns) ?? null };
}

/** Ranks of the diagnostics over the last set of rows, shared by the dimensions while their rows are the same. */
interface DiagnosticRanks {
  rows: Int32Array;
  ranks: Float64Array[];
}

/** What the dimensions' length figures share: the diagnostics' last ranks, and the rank sorts' scratch. */
interface RankCache {
  last?: DiagnosticRanks;
  scratch: RankScratch;
}

/**
 * The length figures of one dimension: ρ of the score with total_words and with the number of answers (rows with
 * the score and both), and the partial item–rest ρ given both (rows with the rest score too); `controls` is
 * [total_words, answers]. A control without variance (every session the same length) controls for nothing.
 */
function lengthFigures(col: ArrayLike<number>, rest: ArrayLike<number> | undefined, controls: readonly ArrayLike<number>[], cache: RankCache) {
  const rowsA = completeRows([col, ...controls]);
  const rowsB = rest ? completeRows([col, rest, ...controls]) : new Int32Array(0);
  const ranked = (rows: Int32Array) => {
    if (!cache.last || !sameRows(cache.last.rows, rows)) cache.last = { rows, ranks: controls.map((c) => rankValues(gather(c, rows), cache.scratch)) };
    return cache.last.ranks;
  };
  // The Spearman matrix of [cols…, the controls that vary over the rows]; `kept` says which controls those are.
  const matrix = (rows: Int32Array, cols: readonly ArrayLike<number>[]) => {
    const ranks = ranked(rows);
    const kept = controls.map((_, k) => k).filter((k) => varies(ranks[k]));
    const r = rows.length >= 3 ? correlationMatrix([...cols.map((c) => rankValues(gather(c, rows), cache.scratch)), ...kept.map((k) => ranks[k])]) : undefined;
    return { r, kept, at: (k: number) => (kept.includes(k) && r ? r[0][cols.length + kept.indexOf(k)] : null) };
  };
  const b = rest && rowsB.length ? matrix(rowsB, [col, rest]) : undefined;
  const a = b && rowsB.length === rowsA.length ? b : matrix(rowsA, [col]);
  const partial = b?.r ? partialCorrelationGiven(b.r, 0, 1, b.kept.map((_, j) => j + 2)) ?? null : null;
  const length = controls.map((_, k) => a.at(k));
  return { length_r: length[0], answers_r: length[1], partial_item_rest_r: partial };
}

/** Some value differs from the first. */
function varies(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return true;
  return false;
}

/** How many of `values` pass `test`. */
function countWhere(values: ArrayLike<number>, test: (v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i])) n++;
  return n;
}

