import type { RulesConfig } from "../rules/rules-config";
import { scoreSessions } from "../rules/score-sessions";
import type { ScoringInput } from "../rules/scoring-input";
import { bitShare } from "../rules/score-rules";
import { rulesObjection } from "../rules/parse-rules";
import { thresholdBounds } from "../rules/threshold-order";
import { findThreshold, flags, setThreshold, type Threshold } from "./thresholds";

export interface SweepPoint {
  value: number;
  /** Share of the sessions with a value (`with_value` of them) the threshold flags. */
  flagged_share: number;
  /** Sessions with a value of the threshold's feature: the denominator of `flagged_share`. */
  with_value: number;
  /** Every session scored: the denominator of the tag rates. */
  sessions: number;
  /** Per dimension: share of all sessions with a strength tag, with a risk tag (as the dashboard counts them). */
  strength_rate: Record<string, number>;
  risk_rate: Record<string, number>;
  /** Mean overall score of flagged and unflagged sessions. */
  mean_overall_flagged: number;
  mean_overall_unflagged: number;
}

/**
 * Sweeps one threshold over `values`, re-scoring every session at each. The flagged share is over the sessions with a
 * value (a threshold can only flag those), the tag rates over every session (as the dashboard reports them). By default 41 steps over the part of its
 * range the rules accept with the other thresholds held (`thresholdBounds`): `clarity.filler.mid` stops a step
 * below `clarity.filler.high`, `tags.strengthAtLeast` starts a step above `tags.riskAtMost`, `tasks.below` above 0.
 * Throws, naming the value and the conflict, when a value of `values` makes rules `parseRules` rejects
 * (`sweep of clarity.filler.mid at 0.06: clarity.filler.mid 0.06 is above clarity.filler.high 0.05: …`).
 *
 * @example sweep(input, defaultRules(), "clarity.filler.mid").map(p => p.value) // 41 values from 0 to 0.045 (filler.high 0.05 less a step)
 */
export function sweep(input: ScoringInput, rules: RulesConfig, path: string, values?: readonly number[]): SweepPoint[] {
  const t = findThreshold(path);
  const grid = values ?? sweepGrid(rules, t);
  const xs = t.values(input, rules);
  return grid.map((value) => {
    const out = scoreSessions(input, sweptRules(rules, path, value));
    let flagged = 0, present = 0, sf = 0, nf = 0, su = 0, nu = 0;
    for (let i = 0; i < xs.length; i++) {
      if (!Number.isFinite(xs[i])) continue;
      present++;
      const o = out.overall[i];
      if (flags(t, xs[i], value)) {
        flagged++;
        if (Number.isFinite(o)) { sf += o; nf++; }
      } else if (Number.isFinite(o)) { su += o; nu++; }
    }
    return {
      value,
      flagged_share: present ? flagged / present : 0,
      with_value: present,
      sessions: out.risk.length,
      strength_rate: Object.fromEntries(input.dimensions.map((dim, d) => [dim, bitShare(out.strength, d)])),
      risk_rate: Object.fromEntries(input.dimensions.map((dim, d) => [dim, bitShare(out.risk, d)])),
      mean_overall_flagged: nf ? sf / nf : NaN,
      mean_overall_unflagged: nu ? su / nu : NaN,
    };
  });
}

/**
 * 41 values evenly over the threshold's range as far as the rules accept them (the whole accepted span if none is in
 * range), float noise cut (`0.02025`, not `0.020249999999999997`).
 */
function sweepGrid(rules: RulesConfig, t: Threshold): number[] {
  const b = thresholdBounds(rules, t);
  let [lo, hi] = [Math.max(b.lo, t.range[0]), Math.min(b.hi, t.range[1])];
  if (lo > hi) [lo, hi] = [b.lo, Number.isFinite(b.hi) ? b.hi : b.lo];
  return Array.from({ length: 41 }, (_, k) => Number((lo + ((hi - lo) * k) / 40).toPrecision(12)));
}

/** `rules` with `path` at `value`, checked as a rules file is: a swept value never scores rules the kit rejects. */
function sweptRules(rules: RulesConfig, path: string, value: number): RulesConfig {
  const next = setThreshold(rules, path, value);
  const objection = rulesObjection(next);
  if (objection !== undefined) throw new Error(`sweep of ${path} at ${value}: ${objection}`);
  return next;
}
