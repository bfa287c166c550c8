import { quantileSorted } from "simple-statistics";
import type { RulesConfig } from "../rules/rules-config";
import type { ScoringInput } from "../rules/scoring-input";
import { rulesObjection } from "../rules/parse-rules";
import { findThreshold, flags, setThreshold } from "./thresholds";

/** How to choose a threshold. */
export type SuggestMethod =
  /** Flag a target share of sessions (e.g. the worst 20%). */
  | { method: "quantile"; share: number }
  /** Best separation of a binary outcome (Youden's J = sensitivity + specificity − 1). */
  | { method: "youden"; outcome: ArrayLike<number | boolean> };

export interface Suggestion {
  path: string;
  value: number;
  method: "quantile" | "youden";
  /** The share of sessions the suggested value actually flags (ties can make it differ from the target). */
  flagged_share: number;
  /** For Youden: J, sensitivity and specificity at the value. */
  youden?: { j: number; sensitivity: number; specificity: number };
  n: number;
  /**
   * Present when the suggested value, set in the rules it was asked of, makes rules `parseRules` rejects: the
   * rules' one line, e.g. `clarity.filler.mid 0.06 is above clarity.filler.high 0.05: the mid deduction could never
   * apply`. The value is still the data's answer; move the other threshold too (`withThresholds` takes both at once).
   */
  conflict?: string;
}

/**
 * Suggests a value for a threshold by a stated method. Quantile targeting picks the value that flags `share` of the
 * sessions with a value; Youden's J scans every distinct value and keeps the one that best separates `outcome`
 * (1/true = positive). A value the rules would reject with the other thresholds held (past the threshold it is
 * ordered with) is still suggested, with the rules' reason in `conflict`. Throws when fewer than 2 sessions have both
 * a value and an outcome.
 *
 * @example suggestThreshold(input, rules, "media.audio.pause_ratio.max", { method: "youden", outcome: risk }) // { value: 0.30, youden: { j: 0.8, … } }
 */
export function suggestThreshold(input: ScoringInput, rules: RulesConfig, path: string, how: SuggestMethod): Suggestion {
  const t = findThreshold(path);
  const xs = t.values(input, rules);
  const idx: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) continue;
    if (how.method === "youden") {
      const o = how.outcome[i];
      if (o === undefined || (typeof o === "number" && !Number.isFinite(o))) continue;
    }
    idx.push(i);
  }
  if (idx.length < 2) throw new Error(`suggestThreshold requires at least 2 sessions with a value for ${path}`);
  const values = idx.map((i) => xs[i]);
  const share = (v: number) => values.filter((x) => flags(t, x, v)).length / values.length;
  if (how.method === "quantile") {
    const sorted = [...values].sort((a, b) => a - b);
    const value = quantileSorted(sorted, t.direction === "above" ? 1 - how.share : how.share);
    return withConflict(rules, { path, value, method: "quantile", flagged_share: share(value), n: values.length });
  }
  const positive = idx.map((i) => Number(how.outcome[i]) > 0);
  const P = positive.filter(Boolean).length;
  const N = positive.length - P;
  if (P === 0 || N === 0) throw new Error("suggestThreshold (youden) requires both positive and negative outcomes");
  // One sorted sweep: a cut between consecutive distinct values flags a suffix (above) or a prefix (below).
  const order = values.map((_, k) => k).sort((a, b) => values[a] - values[b]);
  let best = { value: NaN, j: -Infinity, sensitivity: 0, specificity: 0 };
  let posBelow = 0;
  let negBelow = 0;
  for (let r = 0; r < order.length - 1; r++) {
    if (positive[order[r]]) posBelow++;
    else negBelow++;
    const v = values[order[r]];
    const next = values[order[r + 1]];
    if (next === v) continue;
    // Midpoints between distinct values, so the suggestion sits between the groups rather than on an observation.
    const cut = (v + next) / 2;
    const tp = t.direction === "above" ? P - posBelow : posBelow;
    const fp = t.direction === "above" ? N - negBelow : negBelow;
    const sensitivity = tp / P;
    const specificity = 1 - fp / N;
    const j = sensitivity + specificity - 1;
    if (j > best.j) best = { value: cut, j, sensitivity, specificity };
  }
  if (!Number.isFinite(best.value)) throw new Error(`suggestThreshold (youden) requires at least 2 distinct values for ${path}`);
  return withConflict(rules, { path, value: best.value, method: "youden", flagged_share: share(best.value), youden: { j: best.j, sensitivity: best.sensitivity, specificity: best.specificity }, n: values.length });
}

/** `s` with the rules' objection to its value, if they have one (`conflict`). */
function withConflict(rules: RulesConfig, s: Suggestion): Suggestion {
  const conflict = rulesObjection(setThreshold(rules, s.path, s.value));
  return conflict === undefined ? s : { ...s, conflict };
}
