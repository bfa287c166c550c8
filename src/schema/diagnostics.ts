import { z } from "zod";
import { expected, NON_NEGATIVE, RATIO, SCORE } from "./expected-range";

/**
 * Text diagnostics of a session report, the inputs of the clarity rule.
 * Numbers are nullable only because a non-finite token is read as `null` (and reported).
 *
 * @example Diagnostics.parse({ total_words: 540, avg_answer_len: 135.0, filler_ratio: 0.021, reflection_score: 80.0 })
 */
export const Diagnostics = z.looseObject({
  total_words: expected(z.number().int(), NON_NEGATIVE).nullable(),
  avg_answer_len: expected(z.number(), NON_NEGATIVE).nullable(),
  filler_ratio: expected(z.number(), RATIO).nullable(),
  reflection_score: expected(z.number(), SCORE).nullable(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;
