import type * as aq from "arquero";
import { MEDIA_FEATURES, dimensionColumn } from "../join/columns";
import { encodeIndices } from "./score-rules";
import type { RulesConfig } from "./rules-config";

/** A log's current sessions as the columns the rules read, plus what the log says the rules gave. */
export interface ScoringInput {
  /** The dimensions the rules score, at most `MAX_SCORED_DIMENSIONS`. */
  dimensions: string[];
  /** Dimensions of the log left out of the rules' bitmasks because there were more than `MAX_SCORED_DIMENSIONS`. */
  omitted?: string[];
  session_id: string[];
  /** Score per dimension (index = position in `dimensions`); `NaN` where absent. */
  scores: Float64Array[];
  avg_answer_len: Float64Array;
  filler_ratio: Float64Array;
  /** Per-session media feature means, for media thresholds (`NaN` where absent). */
  media: Record<string, Float64Array>;
  /** What the log holds: overall score, tag bitmasks and task codes (see `encodeIndices`). */
  log: { overall: Float64Array; strength: Int32Array; risk: Int32Array; tasks: Float64Array };
}

/** Bit set for a tag or task naming no known dimension (so it never matches a recomputed one). */
export const UNKNOWN_BIT = 30;
/** The most dimensions the tag bitmasks hold (bits 0–29; bit 30 is `UNKNOWN_BIT`). */
export const MAX_SCORED_DIMENSIONS = UNKNOWN_BIT;

/**
 * The dimensions the rules can score: all of them when there are at most `MAX_SCORED_DIMENSIONS`, else those with
 * the most scored sessions (ties in the log's order); the rest are returned as `omitted`.
 *
 * @example scoredDimensions(t.joined, t.dimensions).omitted // [] for any log of the backend's three dimensions
 */
export function scoredDimensions(table: aq.ColumnTable, dimensions: readonly string[]): { kept: string[]; omitted: string[] } {
  if (dimensions.length <= MAX_SCORED_DIMENSIONS) return { kept: [...dimensions], omitted: [] };
  const scored = dimensions.map((d, i) => {
    const scores = table.array(dimensionColumn(d)) as ArrayLike<number>;
    let n = 0;
    for (let k = 0; k < scores.length; k++) if (Number.isFinite(scores[k])) n++;
    return { d, i, n };
  });
  const top = new Set(scored.sort((a, b) => b.n - a.n || a.i - b.i).slice(0, MAX_SCORED_DIMENSIONS).map((x) => x.d));
  return { kept: dimensions.filter((d) => top.has(d)), omitted: dimensions.filter((d) => !top.has(d)) };
}

/**
 * Builds the scoring input from the joined (or sessions) table. Task focus labels map back to dimensions through
 * `rules.tasks.focus`. A log with more than `MAX_SCORED_DIMENSIONS` dimensions keeps the most scored ones
 * (`scoredDimensions`); tags naming the others count as unknown, and `omitted` lists them.
 */
export function scoringInput(table: aq.ColumnTable, logDimensions: readonly string[], rules: RulesConfig): ScoringInput {
  const n = table.numRows();
  const { kept: dimensions, omitted } = scoredDimensions(table, logDimensions);
  // Every column read through its getter into the array it becomes: no intermediate array of every session (at 2M
  // sessions each `table.array` of numbers is ~50 MB of boxed values for the collector).
  const f64 = (name: string) => {
    const out = new Float64Array(n).fill(NaN);
    if (!table.columnNames().includes(name)) return out;
    const get = table.getter(name);
    for (let i = 0; i < n; i++) {
      const v = get(i);
      if (typeof v === "number") out[i] = v;
    }
    return out;
  };
  const masks = (name: string, code: (names: readonly string[] | null) => number, out: Int32Array | Float64Array) => {
    const get = table.getter(name) as (row: number) => readonly string[] | null;
    for (let i = 0; i < n; i++) out[i] = code(get(i));
    return out;
  };
  const index = new Map(dimensions.map((d, i) => [d, i]));
  const byFocus = new Map<string, number>(dimensions.map((d, i) => [(Object.hasOwn(rules.tasks.focus, d) ? rules.tasks.focus[d] : d), i]));
  const mask = (names: readonly string[] | null) => {
    let m = 0;
    for (const name of names ?? []) m |= 1 << (index.get(name) ?? UNKNOWN_BIT);
    return m;
  };
  const getId = table.getter("session_id") as (row: number) => string;
  const media: Record<string, Float64Array> = {};
  for (const f of MEDIA_FEATURES) if (table.columnNames().includes(f)) media[f] = f64(f);
  return {
    dimensions,
    omitted,
    session_id: Array.from({ length: n }, (_, i) => getId(i)),
    scores: dimensions.map((d) => f64(dimensionColumn(d))),
    avg_answer_len: f64("avg_answer_len"),
    filler_ratio: f64("filler_ratio"),
    media,
    log: {
      overall: f64("overall_score"),
      strength: masks("strength_tags", mask, new Int32Array(n)) as Int32Array,
      risk: masks("risk_tags", mask, new Int32Array(n)) as Int32Array,
      tasks: masks("task_focus", (fs) => encodeIndices((fs ?? []).map((f) => byFocus.get(f) ?? UNKNOWN_BIT)), new Float64Array(n)) as Float64Array,
    },
  };
}
