import { z } from "zod";
import { expected, NON_NEGATIVE, RATIO, type ExpectedRange } from "./expected-range";

const feature = (range: ExpectedRange) => expected(z.number(), range).nullable().optional();

/**
 * Features of a recording's audio track. Every feature may be `null` (missing file, failed extraction) or absent.
 * `speech_rate` is words per minute of the whitespace-split transcript (low for Chinese speech).
 */
export const AudioFeatures = z.looseObject({
  speech_rate: feature(NON_NEGATIVE),
  pause_ratio: feature(RATIO),
  filler_word_ratio: feature(RATIO),
  pitch_variance: feature(NON_NEGATIVE),
  emotion: z.string().nullable().optional(),
});
export type AudioFeatures = z.infer<typeof AudioFeatures>;
