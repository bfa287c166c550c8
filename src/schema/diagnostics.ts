import { z } from "zod";

/**
 * Text diagnostics of a session report, the inputs of the clarity rule.
 * Numbers are nullable only because a non-finite token is read as `null` (and reported).
 *
 * @example Diagnostics.parse({ total_words: 540, avg_answer_len: 135.0, filler_ratio: 0.021, reflection_score: 80.0 })
 */
export const Diagnostics = z.looseObject({
  total_words: z.number().int().nullable(),
  avg_answer_len: z.number().nullable(),
  filler_ratio: z.number().nullable(),
  reflection_score: z.number().nullable(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;
