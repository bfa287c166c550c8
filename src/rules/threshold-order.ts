import { getThreshold, type Threshold } from "../analysis/thresholds";
import type { RulesConfig } from "./rules-config";

/**
 * Two thresholds that must keep an order, `lower` strictly below `upper`, or a rule is lost: the mid deduction of a
 * two-step deduction applies only between `mid` and `high` (`> high` takes the high one), and a score at or between
 * the risk and strength tags' thresholds would be both. `named` is the threshold a conflict is told at.
 */
export interface ThresholdOrder {
  lower: string;
  upper: string;
  named: "lower" | "upper";
  /** What goes wrong when the order is broken, e.g. "the mid deduction could never apply". */
  why: string;
}

/**
 * A threshold past which its rule can never fire: a "below" rule whose threshold is not above `floor` (no score is
 * below 0), or an "at least" rule whose threshold is above `ceiling` (no score is above 100). `of` names the bound.
 */
export interface ThresholdLimit {
  path: string;
  floor?: number;
  ceiling?: number;
  of: string;
  why: string;
}

/** One threshold of a config that conflicts with another or with what its values can be; `message` is one line. */
export interface RuleConflict {
  path: string;
  value: number;
  message: string;
}

/** The orders the backend's rules need (`../shared/metrics-log.md`, "The heuristic scoring rules"). */
export const THRESHOLD_ORDERS: readonly ThresholdOrder[] = [
  { lower: "clarity.length.mid", upper: "clarity.length.high", named: "lower", why: "the mid deduction could never apply" },
  { lower: "clarity.filler.mid", upper: "clarity.filler.high", named: "lower", why: "the mid deduction could never apply" },
  { lower: "tags.riskAtMost", upper: "tags.strengthAtLeast", named: "upper", why: "a score could be both a strength and a risk" },
];

/** The limits past which a rule never fires: dimension scores are 0–100, keyword coverages 0–1. */
export const THRESHOLD_LIMITS: readonly ThresholdLimit[] = [
  { path: "tags.strengthAtLeast", ceiling: 100, of: "the highest score", why: "no dimension could ever get a strength tag" },
  { path: "tasks.below", floor: 0, of: "the lowest score", why: "no dimension could ever get a task" },
  { path: "reflection.commentThreshold", floor: 0, of: "the lowest score", why: "the reflection comment could never ask for more reflection" },
  { path: "star.commentCoverage", floor: 0, of: "the lowest coverage", why: "the STAR comment could never flag a group" },
];

/**
 * The thresholds of `rules` that are out of order or can never fire (`THRESHOLD_ORDERS`, `THRESHOLD_LIMITS`), each
 * as one line naming the field and the value at fault; `[]` for today's rules. Free of zod, for the browser too;
 * `RulesConfig` rejects every config this finds.
 *
 * @example ruleConflicts(setThreshold(defaultRules(), "clarity.length.mid", 300))[0].message
 * // "clarity.length.mid 300 is above clarity.length.high 220: the mid deduction could never apply"
 */
export function ruleConflicts(rules: RulesConfig): RuleConflict[] {
  const at = (path: string) => getThreshold(rules, path) ?? NaN;
  const conflicts: RuleConflict[] = [];
  for (const o of THRESHOLD_ORDERS) {
    const [l, u] = [at(o.lower), at(o.upper)];
    if (!(l >= u)) continue;
    const relation = l === u ? "equals" : o.named === "lower" ? "is above" : "is below";
    const [path, value, other, otherValue] = o.named === "lower" ? [o.lower, l, o.upper, u] : [o.upper, u, o.lower, l];
    conflicts.push({ path, value, message: `${path} ${value} ${relation} ${other} ${otherValue}: ${o.why}` });
  }
  for (const limit of THRESHOLD_LIMITS) {
    const v = at(limit.path);
    if (limit.floor !== undefined && v <= limit.floor) conflicts.push({ path: limit.path, value: v, message: `${limit.path} ${v} is not above ${limit.of} ${limit.floor}: ${limit.why}` });
    if (limit.ceiling !== undefined && v > limit.ceiling) conflicts.push({ path: limit.path, value: v, message: `${limit.path} ${v} is above ${limit.of} ${limit.ceiling}: ${limit.why}` });
  }
  return conflicts;
}

/** The values a threshold may take given the others, and why each end is where it is. */
export interface ThresholdBounds {
  lo: number;
  hi: number;
  why: { lo: string; hi: string };
}

/**
 * The values `rules` accept for threshold `t`, the others held: at least 0 (a media bound: any number), on the
 * order's side of the threshold it is ordered with, inside its limit, a media floor at most its ceiling (and the
 * reverse); within `t.range` as well where the range leaves a value. A strict order keeps one `t.step` away (half
 * the gap when a step is too much), so the ends are values a slider can take. What the tuner clamps to
 * (`clampThreshold`) and a sweep spans.
 *
 * @example thresholdBounds(defaultRules(), findThreshold("clarity.length.mid")) // { lo: 50, hi: 215, why: { lo: "must be ≥ 50", hi: "must be below clarity.length.high 220" } }
 */
export function thresholdBounds(rules: RulesConfig, t: Threshold): ThresholdBounds {
  const media = /^media\.(.+)\.(min|max)$/.exec(t.path);
  const b: ThresholdBounds = media ? { lo: -Infinity, hi: Infinity, why: { lo: "", hi: "" } } : { lo: 0, hi: Infinity, why: { lo: "must be ≥ 0", hi: "" } };
  const band = media ? rules.media[media[1]] : undefined;
  if (media?.[2] === "min" && band?.max != null) tighten(b, "hi", band.max, `a floor must be ≤ its ceiling ${band.max}`);
  if (media?.[2] === "max" && band?.min != null) tighten(b, "lo", band.min, `a ceiling must be ≥ its floor ${band.min}`);
  for (const o of THRESHOLD_ORDERS) {
    if (o.lower === t.path) tighten(b, "hi", below(getThreshold(rules, o.upper) ?? Infinity, t.step, b.lo), `must be below ${o.upper} ${getThreshold(rules, o.upper)}`);
    if (o.upper === t.path) tighten(b, "lo", above(getThreshold(rules, o.lower) ?? -Infinity, t.step, b.hi), `must be above ${o.lower} ${getThreshold(rules, o.lower)}`);
  }
  for (const l of THRESHOLD_LIMITS.filter((x) => x.path === t.path)) {
    if (l.floor !== undefined) tighten(b, "lo", above(l.floor, t.step, b.hi), `must be above ${l.of} ${l.floor}`);
    if (l.ceiling !== undefined) tighten(b, "hi", l.ceiling, `must be ≤ ${l.of} ${l.ceiling}`);
  }
  if (media || Math.max(b.lo, t.range[0]) > Math.min(b.hi, t.range[1])) return b;
  tighten(b, "lo", t.range[0], `must be ≥ ${t.range[0]}`);
  tighten(b, "hi", t.range[1], `must be ≤ ${t.range[1]}`);
  return b;
}

/** Moves one end of `b` inwards to `value` with its reason (never outwards). */
function tighten(b: ThresholdBounds, end: "lo" | "hi", value: number, why: string): void {
  if (end === "lo" ? value > b.lo : value < b.hi) [b[end], b.why[end]] = [value, why];
}

/** The largest value a step below `upper`, or halfway to it from `floor` when a step is too much; float noise cut. */
function below(upper: number, step: number, floor: number): number {
  return Number((upper - step >= floor ? upper - step : (floor + upper) / 2).toPrecision(12));
}

/** The smallest value a step above `lower`, or halfway to `ceiling` when a step is too much; float noise cut. */
function above(lower: number, step: number, ceiling: number): number {
  return Number((lower + step <= ceiling ? lower + step : (lower + ceiling) / 2).toPrecision(12));
}
