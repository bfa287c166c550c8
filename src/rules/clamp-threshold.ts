import type { Threshold } from "../analysis/thresholds";
import type { RulesConfig } from "./rules-config";

/** A value the tuner may set, and why it differs from the one asked for (`undefined` when it does not). */
export interface Clamped {
  value: number;
  reason?: string;
}

/**
 * Clamps a threshold's new value to what `RulesConfig` accepts given the other values of `rules`: the threshold's
 * range (never below 0 for the rules' own thresholds), a strength tag above the risk tag (and the risk tag below
 * it), a media floor at most its ceiling. Free of zod, for the browser.
 *
 * @example clampThreshold(defaultRules(), findThreshold("tags.strengthAtLeast"), 40) // → { value: 51, reason: "must be above the risk tag's 50" }
 */
export function clampThreshold(rules: RulesConfig, t: Threshold, value: number): Clamped {
  let lo = t.path.startsWith("media.") ? -Infinity : Math.max(0, t.range[0]);
  let hi = t.path.startsWith("media.") ? Infinity : t.range[1];
  const why: Record<"lo" | "hi", string> = { lo: `must be ≥ ${lo}`, hi: `must be ≤ ${hi}` };
  const media = /^media\.(.+)\.(min|max)$/.exec(t.path);
  if (t.path === "tags.strengthAtLeast") [lo, why.lo] = [Math.max(lo, rules.tags.riskAtMost + t.step), `must be above the risk tag's ${rules.tags.riskAtMost}`];
  if (t.path === "tags.riskAtMost") [hi, why.hi] = [Math.min(hi, rules.tags.strengthAtLeast - t.step), `must be below the strength tag's ${rules.tags.strengthAtLeast}`];
  const band = media ? rules.media[media[1]] : undefined;
  if (media?.[2] === "min" && band?.max != null) [hi, why.hi] = [band.max, `a floor must be ≤ its ceiling ${band.max}`];
  if (media?.[2] === "max" && band?.min != null) [lo, why.lo] = [band.min, `a ceiling must be ≥ its floor ${band.min}`];
  if (!Number.isFinite(value)) return { value: lo > -Infinity ? lo : 0, reason: "not a number" };
  if (value < lo) return { value: lo, reason: why.lo };
  if (value > hi) return { value: hi, reason: why.hi };
  return { value };
}
