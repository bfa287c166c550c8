import type { RulesConfig } from "../rules/rules-config";
import { scoreSessions, type ScoringOutput } from "../rules/score-sessions";
import type { ScoringInput } from "../rules/scoring-input";
import { bitShare, sameScore } from "../rules/score-rules";

export interface RulesDiff {
  sessions: number;
  /** Sessions whose scores (or overall), strength tags, risk tags or tasks differ between the two rule sets. */
  changed: { scores: number; strength_tags: number; risk_tags: number; tasks: number; any: number };
  /** Per dimension, the share of sessions with the tag under `before` and `after`. */
  tag_rates: Record<string, { strength: [number, number]; risk: [number, number] }>;
  /** Ids of sessions that change in anything. */
  changed_sessions: string[];
}

/**
 * Compares two rule sets on the same sessions: what changes and the tag rates before and after, per dimension.
 *
 * @example rulesDiff(input, defaultRules(), tuned).changed.strength_tags
 */
export function rulesDiff(input: ScoringInput, before: RulesConfig, after: RulesConfig): RulesDiff {
  return diffOutputs(input, scoreSessions(input, before), scoreSessions(input, after));
}

/**
 * `rulesDiff` over two scorings already made (`scoreSessions`): what the live tuner calls, with today's scoring kept.
 *
 * @example diffOutputs(input, today, scoreSessions(input, tuned)).changed.any
 */
export function diffOutputs(input: ScoringInput, a: ScoringOutput, b: ScoringOutput): RulesDiff {
  const n = input.session_id.length;
  const changed = { scores: 0, strength_tags: 0, risk_tags: 0, tasks: 0, any: 0 };
  const changed_sessions: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = !sameScore(a.overall[i], b.overall[i]) || a.scores.some((c, d) => !sameScore(c[i], b.scores[d][i]));
    const st = a.strength[i] !== b.strength[i];
    const rk = a.risk[i] !== b.risk[i];
    const tk = a.tasks[i] !== b.tasks[i];
    changed.scores += s ? 1 : 0;
    changed.strength_tags += st ? 1 : 0;
    changed.risk_tags += rk ? 1 : 0;
    changed.tasks += tk ? 1 : 0;
    if (s || st || rk || tk) {
      changed.any++;
      changed_sessions.push(input.session_id[i]);
    }
  }
  const tag_rates = Object.fromEntries(input.dimensions.map((dim, d) => [dim, { strength: [bitShare(a.strength, d), bitShare(b.strength, d)], risk: [bitShare(a.risk, d), bitShare(b.risk, d)] }]));
  return { sessions: n, changed, tag_rates: tag_rates as RulesDiff["tag_rates"], changed_sessions };
}
