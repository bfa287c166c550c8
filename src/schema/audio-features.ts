import { z } from "zod";

const feature = z.number().nullable().optional();

/**
 * Features of a recording's audio track. Every feature may be `null` (missing file, failed extraction) or absent.
 * `speech_rate` is words per minute of the whitespace-split transcript (low for Chinese speech).
 */
export const AudioFeatures = z.looseObject({
  speech_rate: feature,
  pause_ratio: feature,
  filler_word_ratio: feature,
  pitch_variance: feature,
  emotion: z.string().nullable().optional(),
});
export type AudioFeatures = z.infer<typeof AudioFeatures>;
