import { z } from "zod";
import { expected, NON_EMPTY, SCORE } from "./expected-range";
import { Dimension } from "./dimension";
import { Task } from "./task";
import { TimelineEvent } from "./timeline-event";

/**
 * The `evaluation` object of a session report (the long `feedback` text is removed before logging).
 * Lists are `null`, not `[]`, when empty; other keys may appear and are kept.
 */
export const Evaluation = z.looseObject({
  session_id: expected(z.string(), NON_EMPTY),
  overall_score: expected(z.number(), SCORE).nullable(),
  score: expected(z.number(), SCORE).nullable().optional(),
  dimensions: z.array(Dimension).nullable(),
  strength_tags: z.array(z.string()).nullable(),
  risk_tags: z.array(z.string()).nullable(),
  suggested_next_tasks: z.array(Task).nullable().optional(),
  timeline_events: z.array(TimelineEvent).nullable().optional(),
});
export type Evaluation = z.infer<typeof Evaluation>;
