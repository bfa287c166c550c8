import type { RulesConfig } from "../rules/rules-config";
import { scoreSessions } from "../rules/score-sessions";
import type { ScoringInput } from "../rules/scoring-input";
import { bitShare } from "../rules/score-rules";
import { findThreshold, flags, setThreshold } from "./thresholds";

export interface SweepPoint {
  value: number;
  /** Share of sessions (with a value) the threshold flags. */
  flagged_share: number;
  /** Per dimension: share with a strength tag, with a risk tag. */
  strength_rate: Record<string, number>;
  risk_rate: Record<string, number>;
  /** Mean overall score of flagged and unflagged sessions. */
  mean_overall_flagged: number;
  mean_overall_unflagged: number;
}

/**
 * Sweeps one threshold over `values` (default: 41 steps over its range), re-scoring every session at each.
 *
 * @example sweep(input, defaultRules(), "clarity.filler.mid").map(p => [p.value, p.flagged_share])
 */
export function sweep(input: ScoringInput, rules: RulesConfig, path: string, values?: readonly number[]): SweepPoint[] {
  const t = findThreshold(path);
  const grid = values ?? Array.from({ length: 41 }, (_, k) => t.range[0] + ((t.range[1] - t.range[0]) * k) / 40);
  const xs = t.values(input, rules);
  return grid.map((value) => {
    const out = scoreSessions(input, setThreshold(rules, path, value));
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
      strength_rate: Object.fromEntries(input.dimensions.map((dim, d) => [dim, bitShare(out.strength, d)])),
      risk_rate: Object.fromEntries(input.dimensions.map((dim, d) => [dim, bitShare(out.risk, d)])),
      mean_overall_flagged: nf ? sf / nf : NaN,
      mean_overall_unflagged: nu ? su / nu : NaN,
    };
  });
}
