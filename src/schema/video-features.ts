import { z } from "zod";
import { expected, RATIO } from "./expected-range";

/** A share or score of 0–1; `null` when extraction failed. */
const feature = () => expected(z.number(), RATIO).nullable().optional();

/** The seven emotions of `emotion_distribution`, in the backend's order. */
export const EMOTIONS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** Share of frames per emotion; each share may be `null`. */
export const EmotionDistribution = z.looseObject({
  angry: feature(),
  disgust: feature(),
  fear: feature(),
  happy: feature(),
  sad: feature(),
  surprise: feature(),
  neutral: feature(),
});
export type EmotionDistribution = z.infer<typeof EmotionDistribution>;

/** Features of a video recording; present only when `media_type` is `"video"`. */
export const VideoFeatures = z.looseObject({
  eye_contact_score: feature(),
  smile_ratio: feature(),
  posture_score: feature(),
  head_movement_score: feature(),
  dominant_emotion: z.string().nullable().optional(),
  emotion_distribution: EmotionDistribution.nullable().optional(),
});
export type VideoFeatures = z.infer<typeof VideoFeatures>;
