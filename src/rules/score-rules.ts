import type { RulesConfig } from "./rules-config";
import { pyRound } from "./py-round";

/**
 * The clarity score: `base` minus the length deduction (avg_answer_len > high → highPenalty, else > mid → midPenalty)
 * minus the filler deduction (same shape on filler_ratio), clamped to [min, max]. Missing inputs deduct nothing.
 *
 * @example clarityScore(160, 0.03, defaultRules()) // 84  (100 − 8 − 8)
 */
export function clarityScore(avgAnswerLen: number, fillerRatio: number, rules: RulesConfig): number {
  const c = rules.clarity;
  let score = c.base;
  if (avgAnswerLen > c.length.high) score -= c.length.highPenalty;
  else if (avgAnswerLen > c.length.mid) score -= c.length.midPenalty;
  if (fillerRatio > c.filler.high) score -= c.filler.highPenalty;
  else if (fillerRatio > c.filler.mid) score -= c.filler.midPenalty;
  return Math.max(c.min, Math.min(c.max, score));
}

/**
 * The overall score: the mean of the present (non-NaN) dimension scores, rounded to 1 decimal like Python;
 * `NaN` when there are none.
 *
 * @example overallScore([72.5, 92, 80]) // 81.5
 */
export function overallScore(scores: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!Number.isNaN(s)) {
      sum += s;
      n++;
    }
  }
  return n === 0 ? NaN : pyRound(sum / n, 1);
}

/**
 * Strength and risk tags as bitmasks over dimension indices (bit i = dimension i): score ≥ strengthAtLeast is a
 * strength, ≤ riskAtMost a risk.
 *
 * @example tagMasks([40, 92, 80], defaultRules()) // { strength: 0b110, risk: 0b001 }
 */
export function tagMasks(scores: ArrayLike<number>, rules: RulesConfig): { strength: number; risk: number } {
  let strength = 0;
  let risk = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) continue;
    if (s >= rules.tags.strengthAtLeast) strength |= 1 << i;
    if (s <= rules.tags.riskAtMost) risk |= 1 << i;
  }
  return { strength, risk };
}

/**
 * The dimensions that get a practice task: the `count` lowest (stable on ties, in dimension order), each only if
 * its score is below `tasks.below`. Returns dimension indices, lowest first.
 *
 * @example taskDimensions([65, 92, 50], defaultRules()) // [2, 0]
 */
export function taskDimensions(scores: ArrayLike<number>, rules: RulesConfig): number[] {
  const present: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) present.push(i);
  present.sort((a, b) => scores[a] - scores[b] || a - b);
  return present.slice(0, rules.tasks.count).filter((i) => scores[i] < rules.tasks.below);
}

/** Encodes an ordered list of dimension indices as one number (for fast comparison): Σ (i+1)·32^position. */
export function encodeIndices(indices: readonly number[]): number {
  let code = 0;
  for (let p = indices.length - 1; p >= 0; p--) code = code * 32 + (indices[p] + 1);
  return code;
}

/** The names of the dimensions whose bits are set in `mask`, in dimension order; `null` when none (as the backend writes). */
export function maskNames(mask: number, dimensions: readonly string[]): string[] | null {
  const names = dimensions.filter((_, i) => (mask & (1 << i)) !== 0);
  return names.length > 0 ? names : null;
}

/** The share of sessions whose bitmask has `bit` set (e.g. the strength-tag rate of dimension `bit`); 0 for none. */
export function bitShare(masks: Int32Array, bit: number): number {
  let k = 0;
  for (let i = 0; i < masks.length; i++) k += (masks[i] >> bit) & 1;
  return masks.length ? k / masks.length : 0;
}

/** Equal scores, counting two missing (`NaN`) scores as equal. */
export function sameScore(a: number, b: number): boolean {
  return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) < 1e-9;
}
