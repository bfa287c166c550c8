import type { Threshold } from "../analysis/thresholds";
import type { RulesConfig } from "./rules-config";
import { thresholdBounds } from "./threshold-order";

/** A value the tuner may set, and why it differs from the one asked for (`undefined` when it does not). */
export interface Clamped {
  value: number;
  reason?: string;
}

/**
 * Clamps a threshold's new value to what `RulesConfig` accepts given the other values of `rules`
 * (`thresholdBounds`): the threshold's range (never below 0 for the rules' own thresholds), on its side of the
 * threshold it is ordered with (a mid deduction below its high one, a strength tag above the risk tag, and the
 * reverse), inside its limit (a task threshold above 0), a media floor at most its ceiling. Free of zod, for the
 * browser.
 *
 * @example clampThreshold(defaultRules(), findThreshold("tags.strengthAtLeast"), 40) // → { value: 51, reason: "must be above tags.riskAtMost 50" }
 */
export function clampThreshold(rules: RulesConfig, t: Threshold, value: number): Clamped {
  const { lo, hi, why } = thresholdBounds(rules, t);
  if (!Number.isFinite(value)) return { value: lo > -Infinity ? lo : 0, reason: "not a number" };
  if (value < lo) return { value: lo, reason: why.lo };
  if (value > hi) return { value: hi, reason: why.hi };
  return { value };
}
