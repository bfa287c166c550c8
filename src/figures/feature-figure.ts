import type * as aq from "arquero";
import { createRng } from "../generate/rng";
import { pairedColumns } from "../stats/paired-columns";
import { sortedPresent } from "../stats/average-ranks";
import { decileBins } from "../stats/decile-bins";
import { dimensionColumn } from "../join/columns";
import { requireColumns } from "../join/column-values";
import { finiteColumn } from "../analysis/finite-column";
import { isTextFeature, textFeatureValues } from "../analysis/text-features";
import { baseLayout, plotlyText, referenceLines, type Figure, type ReferenceLine } from "./figure";
import { NAME_LABEL_LENGTH, plotlyLabel } from "./short-label";

export interface FeatureFigureOptions {
  /** Vertical reference lines on the feature axis (see `thresholdLines`). */
  lines?: readonly ReferenceLine[];
  /** At most this many points are drawn (a seeded sample); the binned means use every pair. Default 2000. */
  sample?: number;
  /** Sampling seed. Default 1. */
  seed?: number;
  title?: string;
}

/**
 * A feature against a target: a seeded sample of the sessions as points, the target's mean per feature decile
 * (every complete pair) as a line, and today's thresholds as dashed lines. Sessions missing either column are
 * counted in the title (a long dimension name cut with an ellipsis: `plotlyLabel`). `feature` is a column or a text feature of the analysis (`diagnostics.answers`). `target` is a dimension name (its column is `dimensionColumn(target)`) or, when the table has no
 * such dimension, a column name (`overall_score`). A column the table lacks throws a `NoColumnError` naming the
 * nearest one.
 *
 * @example featureFigure(t.joined, "filler_ratio", "表达清晰度", { lines: thresholdLines(defaultRules(), "filler_ratio") })
 */
export function featureFigure(table: aq.ColumnTable, feature: string, target: string, options: FeatureFigureOptions = {}): Figure {
  const { lines = [], sample = 2000, seed = 1, title } = options;
  // Typed columns and x's order by radix sort: at 2M sessions, no boxed copies and no comparator sort.
  const { x, y, missing } = pairedColumns(featureValues(table, feature), numericColumn(table, targetColumn(table, target)));
  const pick = sampleIndices(x.length, sample, seed);
  const bins = decileBins(x, y, sortedPresent(x));
  return {
    data: [
      { type: "scatter", mode: "markers", name: pick.length < x.length ? `sessions (${pick.length} of ${x.length})` : "sessions", x: pick.map((i) => x[i]), y: pick.map((i) => y[i]), marker: { size: 4, opacity: 0.35, color: "#4c78a8" } },
      { type: "scatter", mode: "lines+markers", name: "mean per decile", x: bins.map((b) => b.upper), y: bins.map((b) => b.mean), text: bins.map((b) => `n = ${b.n}`), line: { color: "#f58518", width: 3 } },
    ],
    layout: { ...baseLayout(`${title === undefined ? `${plotlyLabel(target, NAME_LABEL_LENGTH)} against ${plotlyText(feature)}` : plotlyText(title)} (n = ${x.length}${missing ? `, missing ${missing}` : ""})`, plotlyText(feature), plotlyLabel(target, NAME_LABEL_LENGTH)), ...referenceLines(lines) },
  };
}

/** A feature's values: a text feature of the analysis (`diagnostics.answers`, …) or a column (`audio.speech_rate`). */
function featureValues(table: aq.ColumnTable, feature: string): Float64Array {
  return isTextFeature(feature) ? textFeatureValues(table, feature) : numericColumn(table, feature);
}

/** A column as numbers (NaN where missing); throws `NoColumnError` when the table does not have it. */
function numericColumn(table: aq.ColumnTable, column: string): Float64Array {
  requireColumns(table, [column]);
  return finiteColumn(table, column);
}

/** The column of a figure's target: the dimension's when the table has it, else the name as a column. */
function targetColumn(table: aq.ColumnTable, target: string): string {
  const dim = dimensionColumn(target);
  return table.columnNames().includes(dim) ? dim : target;
}

/** `k` of `n` indices, sorted, drawn without replacement with a seeded RNG (all of them when n ≤ k). */
function sampleIndices(n: number, k: number, seed: number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.uniform() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return Array.from(idx.subarray(0, k)).sort((a, b) => a - b);
}
