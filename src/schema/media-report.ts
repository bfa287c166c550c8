import { z } from "zod";
import { expected, NON_EMPTY } from "./expected-range";
import { Timestamp } from "./timestamp";
import { AudioFeatures } from "./audio-features";
import { VideoFeatures } from "./video-features";

export const MediaType = z.enum(["audio", "video"]);
export type MediaType = z.infer<typeof MediaType>;

/**
 * A `media_report` row: one per analysed recording. Media may exist for a session that never gets a report.
 */
export const MediaReport = z.looseObject({
  type: z.literal("media_report"),
  user_id: expected(z.string(), NON_EMPTY).nullable(),
  session_id: expected(z.string(), NON_EMPTY),
  media_id: expected(z.string(), NON_EMPTY),
  media_type: MediaType,
  audio_features: AudioFeatures.nullable().optional(),
  video_features: VideoFeatures.nullable().optional(),
  ts: Timestamp,
});
export type MediaReport = z.infer<typeof MediaReport>;
