import type { RulesConfig } from "./rules-config";
import { clarityScore, encodeIndices, overallScore, tagMasks, taskDimensions } from "./score-rules";
import type { ScoringInput } from "./scoring-input";

/** What the rules give for every session of a `ScoringInput`. */
export interface ScoringOutput {
  scores: Float64Array[];
  overall: Float64Array;
  strength: Int32Array;
  risk: Int32Array;
  tasks: Float64Array;
  /** The clarity comment about fillers would be written (filler_ratio > fillerComment). */
  filler_comment: Uint8Array;
  /** The reflection comment asks for more reflection (score < commentThreshold). */
  reflection_comment: Uint8Array;
  /** Some media threshold of `rules.media` flags the session. */
  media_flag: Uint8Array;
}

/**
 * Re-scores every session with `rules`: clarity from the diagnostics (where the session has a clarity score and
 * its diagnostics), the other dimensions as logged, then overall, tags, tasks and flags — with the same functions
 * the generator uses. The input is not modified.
 *
 * @example scoreSessions(input, { ...defaultRules(), tags: { strengthAtLeast: 80, riskAtMost: 50 } }).strength
 */
export function scoreSessions(input: ScoringInput, rules: RulesConfig): ScoringOutput {
  const n = input.session_id.length;
  const k = input.dimensions.length;
  const clarity = input.dimensions.indexOf(rules.clarity.dimension);
  const reflection = input.dimensions.indexOf(rules.reflection.dimension);
  const scores = input.scores.map((c) => Float64Array.from(c));
  const out: ScoringOutput = {
    scores, overall: new Float64Array(n), strength: new Int32Array(n), risk: new Int32Array(n), tasks: new Float64Array(n),
    filler_comment: new Uint8Array(n), reflection_comment: new Uint8Array(n), media_flag: new Uint8Array(n),
  };
  const media = Object.entries(rules.media).filter(([f, b]) => input.media[f] && (b.min !== null || b.max !== null));
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    if (clarity >= 0 && !Number.isNaN(scores[clarity][i]) && Number.isFinite(input.avg_answer_len[i]) && Number.isFinite(input.filler_ratio[i])) {
      scores[clarity][i] = clarityScore(input.avg_answer_len[i], input.filler_ratio[i], rules);
    }
    for (let d = 0; d < k; d++) row[d] = scores[d][i];
    out.overall[i] = overallScore(row);
    const m = tagMasks(row, rules);
    out.strength[i] = m.strength;
    out.risk[i] = m.risk;
    out.tasks[i] = encodeIndices(taskDimensions(row, rules));
    out.filler_comment[i] = clarity >= 0 && !Number.isNaN(row[clarity]) && input.filler_ratio[i] > rules.clarity.fillerComment ? 1 : 0;
    out.reflection_comment[i] = reflection >= 0 && row[reflection] < rules.reflection.commentThreshold ? 1 : 0;
    for (const [f, b] of media) {
      const v = input.media[f][i];
      if ((b.min !== null && v < b.min) || (b.max !== null && v > b.max)) out.media_flag[i] = 1;
    }
  }
  return out;
}
