import type { RulesConfig } from "../../rules/rules-config";
import type { ScoringInput } from "../../rules/scoring-input";
import { scoreSessions, type ScoringOutput } from "../../rules/score-sessions";
import { diffOutputs, type RulesDiff } from "../../analysis/rules-diff";
import { tagOutcome } from "../../analysis/tag-outcome";

/** What one tuner update computes: the tuned scoring, the diff against today's, and the agreement with an outcome. */
export interface TunerState {
  out: ScoringOutput;
  diff: RulesDiff;
  agreement: Agreement;
}

/** A tuned tag against a logged tag, over the sessions with scores. */
export interface Agreement {
  outcome: string;
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  share: number;
  sensitivity: number;
  specificity: number;
}

/**
 * Re-scores every session with `rules` (the library's `scoreSessions`), diffs against today's scoring (the
 * library's `diffOutputs`) and measures agreement of the tuned tag named by `outcome` (`risk:<dim>` or
 * `strength:<dim>`, read by `tagOutcome`) with the same tag as logged.
 */
export function tune(input: ScoringInput, today: ScoringOutput, rules: RulesConfig, outcome: string): TunerState {
  const out = scoreSessions(input, rules);
  return { out, diff: diffOutputs(input, today, out), agreement: agreement(input, out, outcome) };
}

function agreement(input: ScoringInput, out: ScoringOutput, outcome: string): Agreement {
  const logged = tagOutcome(input, outcome);
  const tuned = tagOutcome(input, outcome, out);
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < logged.length; i++) {
    if (Number.isNaN(logged[i])) continue;
    const y = logged[i];
    const p = tuned[i];
    if (p && y) tp++; else if (p) fp++; else if (y) fn++; else tn++;
  }
  const n = tp + fp + fn + tn;
  return { outcome, n, tp, fp, fn, tn, share: n ? (tp + tn) / n : NaN, sensitivity: tp + fn ? tp / (tp + fn) : NaN, specificity: tn + fp ? tn / (tn + fp) : NaN };
}
