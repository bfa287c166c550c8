import { z } from "zod";
import { expected, NON_NEGATIVE } from "./expected-range";

/**
 * A suggested next task, e.g. `{type: "practice_session", focus: "口头表达与节奏", suggested_duration_min: 20}`.
 */
export const Task = z.looseObject({
  type: z.string(),
  focus: z.string(),
  suggested_duration_min: expected(z.number().int(), NON_NEGATIVE).nullable(),
});
export type Task = z.infer<typeof Task>;
