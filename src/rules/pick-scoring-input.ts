import type { ScoringInput } from "./scoring-input";

/**
 * The scoring input of some sessions only: every column read at `rows` (positions into `input`), in that order.
 *
 * @example pickScoringInput(input, Int32Array.of(4, 0)).session_id // [input.session_id[4], input.session_id[0]]
 */
export function pickScoringInput(input: ScoringInput, rows: ArrayLike<number>): ScoringInput {
  const pick = (c: Float64Array) => Float64Array.from({ length: rows.length }, (_, j) => c[rows[j]]);
  const pickInt = (c: Int32Array) => Int32Array.from({ length: rows.length }, (_, j) => c[rows[j]]);
  const media: Record<string, Float64Array> = Object.create(null);
  for (const [f, c] of Object.entries(input.media)) media[f] = pick(c);
  return {
    dimensions: [...input.dimensions],
    ...(input.omitted ? { omitted: [...input.omitted] } : {}),
    session_id: Array.from({ length: rows.length }, (_, j) => input.session_id[rows[j]]),
    scores: input.scores.map(pick),
    avg_answer_len: pick(input.avg_answer_len),
    filler_ratio: pick(input.filler_ratio),
    media,
    log: { overall: pick(input.log.overall), strength: pickInt(input.log.strength), risk: pickInt(input.log.risk), tasks: pick(input.log.tasks) },
  };
}
