import type { RulesConfig } from "../rules/rules-config";
import { scoreSessions, type ScoringOutput } from "../rules/score-sessions";
import type { ScoringInput } from "../rules/scoring-input";
import { sameScore } from "../rules/score-rules";

/** Fields replay compares. */
export const REPLAY_FIELDS = ["scores", "overall_score", "strength_tags", "risk_tags", "tasks"] as const;
export type ReplayField = (typeof REPLAY_FIELDS)[number];

export interface ReplayReport {
  sessions: number;
  /** Share of sessions where the rules reproduce the log, per field. */
  agreement: Record<ReplayField, number>;
  /** Sessions that differ from the log under the rules, per kind. */
  changed: { scores: number; strength_tags: number; risk_tags: number; tasks: number };
  /** Ids of sessions that differ in anything (first 100). */
  examples: string[];
}


/** Per session, which fields of `out` differ from the logged values. */
export function compareToLog(input: ScoringInput, out: ScoringOutput): Record<ReplayField, Uint8Array> {
  const n = input.session_id.length;
  const diff = Object.fromEntries(REPLAY_FIELDS.map((f) => [f, new Uint8Array(n)])) as Record<ReplayField, Uint8Array>;
  for (let i = 0; i < n; i++) {
    diff.scores[i] = input.scores.some((c, d) => !sameScore(c[i], out.scores[d][i])) ? 1 : 0;
    diff.overall_score[i] = sameScore(input.log.overall[i], out.overall[i]) ? 0 : 1;
    diff.strength_tags[i] = input.log.strength[i] === out.strength[i] ? 0 : 1;
    diff.risk_tags[i] = input.log.risk[i] === out.risk[i] ? 0 : 1;
    diff.tasks[i] = input.log.tasks[i] === out.tasks[i] ? 0 : 1;
  }
  return diff;
}

/**
 * Recomputes from a log what `rules` produce — the clarity score from the diagnostics, then overall, tags and tasks —
 * and reports the agreement with what the log holds. With today's rules on a log written by today's backend every
 * share is 1 and nothing changes. `out`: the rules' scoring of `input` when already made (`scoreSessions`).
 *
 * @example replay(scoringInput(t.joined, t.dimensions, rules), rules).agreement.strength_tags // 1
 */
export function replay(input: ScoringInput, rules: RulesConfig, out: ScoringOutput = scoreSessions(input, rules)): ReplayReport {
  const n = input.session_id.length;
  const diff = compareToLog(input, out);
  const count = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);
  const agreement = Object.fromEntries(REPLAY_FIELDS.map((f) => [f, n ? 1 - count(diff[f]) / n : 1])) as Record<ReplayField, number>;
  const examples: string[] = [];
  let scores = 0;
  for (let i = 0; i < n; i++) {
    if (diff.scores[i] || diff.overall_score[i]) scores++;
    if (examples.length < 100 && REPLAY_FIELDS.some((f) => diff[f][i])) examples.push(input.session_id[i]);
  }
  return { sessions: n, agreement, changed: { scores, strength_tags: count(diff.strength_tags), risk_tags: count(diff.risk_tags), tasks: count(diff.tasks) }, examples };
}
