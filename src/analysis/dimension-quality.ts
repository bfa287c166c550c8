import type * as aq from "arquero";
import { describe } from "../stats/describe";
import { finiteValues } from "../stats/finite-values";
import { pairedValues } from "../stats/paired-values";
import { pearson } from "../stats/correlation";
import { normalizedEntropy } from "../stats/normalized-entropy";
import { cronbachAlpha } from "../stats/cronbach-alpha";
import { studentTimelines } from "../join/student-timelines";
import { dimensionColumn } from "../join/columns";
import { nameRecord } from "../join/name-record";

/** The criteria behind the verdicts; each default names its source. */
export interface DimensionQualityOptions {
  /** The score scale [floor, ceiling]. Default [0, 100]. */
  scale?: [number, number];
  /** Floor/ceiling effect: more than this share at a bound. Default 0.15 (Terwee et al., 2007). */
  maxBoundShare?: number;
  /** Fewer distinct values than this cannot rank candidates. Default 4 (the kit's choice: clarity has at most 6 by construction). */
  minDistinct?: number;
  /** Normalised entropy of the 10-bin histogram below this is too narrow. Default 0.25 (the kit's choice). */
  minEntropy?: number;
  /** Test–retest r below this is unstable. Default 0.5 ("poor" below 0.50, Koo & Li, 2016). */
  minRetest?: number;
  /** |item–rest r| below this is unrelated to the other dimensions. Default 0.2 ("poor" below 0.20, classical test theory). */
  minItemRest?: number;
  /** Fewer consecutive-session pairs than this leave retest_r null. Default 20. */
  minPairs?: number;
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
  /** Pearson r between a student's consecutive sessions. */
  retest_r: number | null;
  retest_pairs: number;
  verdict: "ok" | "concentrated" | "arbitrary";
  /** Every criterion that fired, with the figure that raised it. */
  reasons: string[];
}

export interface DimensionQualityReport {
  dimensions: Record<string, DimensionQuality>;
  /** Cronbach's α over the dimensions (complete rows); ≥ 0.70 is the usual floor, > 0.95 suggests redundancy. */
  cronbach_alpha: number | null;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * Scores every dimension found in the data (never a fixed list) for spread, bounds, stability and relatedness,
 * and gives a verdict: `arbitrary` (unstable for the same student AND unrelated to the other dimensions) wins over
 * `concentrated` (piled at a bound, too few distinct values, or too narrow); otherwise `ok`.
 *
 * @example dimensionQuality(t.sessions, t.dimensions).dimensions["表达清晰度"].verdict // "ok"
 */
export function dimensionQuality(sessions: aq.ColumnTable, dimensions: readonly string[], options: DimensionQualityOptions = {}): DimensionQualityReport {
  const { scale = [0, 100], maxBoundShare = 0.15, minDistinct = 4, minEntropy = 0.25, minRetest = 0.5, minItemRest = 0.2, minPairs = 20 } = options;
  const columns = dimensions.map((d) => Array.from(sessions.array(dimensionColumn(d)) as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : NaN)));
  const timeline = studentTimelines(sessions);
  const users = timeline.array("user_id") as string[];
  // Row sums over complete rows (every dimension present); NaN elsewhere. The rest score of dimension j is (sum − x_j) / (k − 1).
  const rowSum = Float64Array.from(columns[0] ?? [], (_, i) => columns.reduce((s, c) => s + c[i], 0));
  const out = nameRecord<DimensionQuality>();
  dimensions.forEach((name, j) => {
    const col = columns[j];
    const { values } = finiteValues(col);
    const d = describe(values);
    if (!d) return;
    const floor = values.filter((v) => v <= scale[0]).length / values.length;
    const ceiling = values.filter((v) => v >= scale[1]).length / values.length;
    const distinct = new Set(values).size;
    const entropy = normalizedEntropy(values, scale[0], scale[1]) ?? 0;
    const rest = col.map((v, i) => (rowSum[i] - v) / (columns.length - 1));
    const ir = columns.length > 1 ? pairedValues(col, rest) : { x: [], y: [] };
    const itemRest = pearson(ir.x, ir.y) ?? null;
    const scores = timeline.array(dimensionColumn(name)) as ArrayLike<number>;
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 1; i < users.length; i++) {
      if (users[i] === users[i - 1] && Number.isFinite(scores[i]) && Number.isFinite(scores[i - 1])) {
        a.push(scores[i - 1]);
        b.push(scores[i]);
      }
    }
    const retest = a.length >= minPairs ? pearson(a, b) ?? null : null;
    const reasons: string[] = [];
    const arbitrary = retest !== null && retest < minRetest && (itemRest === null || Math.abs(itemRest) < minItemRest);
    if (arbitrary) {
      reasons.push(`unstable: retest r ${retest!.toFixed(2)} < ${minRetest} over ${a.length} pairs (Koo & Li, 2016)`);
      reasons.push(`unrelated: item–rest r ${itemRest === null ? "n/a" : itemRest.toFixed(2)} below ${minItemRest} in size`);
    }
    const concentrated: string[] = [];
    if (ceiling > maxBoundShare) concentrated.push(`ceiling: ${pct(ceiling)} at ${scale[1]} > ${pct(maxBoundShare)} (Terwee et al., 2007)`);
    if (floor > maxBoundShare) concentrated.push(`floor: ${pct(floor)} at ${scale[0]} > ${pct(maxBoundShare)} (Terwee et al., 2007)`);
    if (distinct < minDistinct) concentrated.push(`few values: ${distinct} distinct < ${minDistinct}`);
    if (entropy < minEntropy) concentrated.push(`narrow: normalised entropy ${entropy.toFixed(2)} < ${minEntropy}`);
    reasons.push(...concentrated);
    out[name] = {
      n: d.n, mean: d.mean, std: d.std, q1: d.q1, median: d.median, q3: d.q3, distinct,
      floor_share: floor, ceiling_share: ceiling, entropy, item_rest_r: itemRest, retest_r: retest, retest_pairs: a.length,
      verdict: arbitrary ? "arbitrary" : concentrated.length > 0 ? "concentrated" : "ok",
      reasons,
    };
  });
  return { dimensions: out, cronbach_alpha: cronbachAlpha(columns) ?? null };
}
