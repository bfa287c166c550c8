import { z } from "zod";
import { expected, SCORE } from "./expected-range";

/**
 * One ability dimension of an evaluation: `{name, score, comment|null}`.
 * `score` is nullable because a non-finite value (`NaN`) is read as `null`.
 *
 * @example Dimension.parse({ name: "表达清晰度", score: 92, comment: null })
 */
export const Dimension = z.looseObject({
  name: z.string(),
  score: expected(z.number(), SCORE).nullable(),
  comment: z.string().nullable().optional(),
});
export type Dimension = z.infer<typeof Dimension>;
