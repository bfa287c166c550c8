import { z } from "zod";
import { expected, NON_NEGATIVE } from "./expected-range";

/** The kinds of timeline event the backend writes. */
export const TimelineEventType = z.enum(["strength", "gap", "neutral"]);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

/**
 * A moment of the interview worth pointing at: seconds from the start, a kind and a message.
 *
 * @example TimelineEvent.parse({ timestamp: 12.5, type: "gap", message: "缺少结果" })
 */
export const TimelineEvent = z.looseObject({
  timestamp: expected(z.number(), NON_NEGATIVE).nullable(),
  type: TimelineEventType,
  message: z.string(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
