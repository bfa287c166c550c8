import { z } from "zod";
import { expected, NON_EMPTY } from "./expected-range";
import { Timestamp } from "./timestamp";
import { Evaluation } from "./evaluation";
import { Diagnostics } from "./diagnostics";

/**
 * A `session_report` row: written each time a session's report is generated.
 * The same `session_id` may be reported again later; the later row is the current one.
 */
export const SessionReport = z.looseObject({
  type: z.literal("session_report"),
  user_id: expected(z.string(), NON_EMPTY).nullable(),
  session_id: expected(z.string(), NON_EMPTY),
  evaluation: Evaluation,
  diagnostics: Diagnostics.optional(),
  ts: Timestamp,
});
export type SessionReport = z.infer<typeof SessionReport>;
