import type { Diagnostics } from "../schema/diagnostics";
import type { AudioFeatures } from "../schema/audio-features";
import type { VideoFeatures } from "../schema/video-features";
import { EMOTIONS, type Emotion } from "../schema/video-features";

/**
 * The one list of column names the tables use. Names of log fields are checked against the schemas'
 * inferred types, so a renamed field fails to compile here rather than drifting silently.
 */
export const DIAGNOSTIC_COLUMNS = ["total_words", "avg_answer_len", "filler_ratio", "reflection_score"] as const satisfies readonly (keyof Diagnostics)[];
export type DiagnosticColumn = (typeof DIAGNOSTIC_COLUMNS)[number];

export const AUDIO_NUMERIC = ["speech_rate", "pause_ratio", "filler_word_ratio", "pitch_variance"] as const satisfies readonly (keyof AudioFeatures)[];
export const VIDEO_NUMERIC = ["eye_contact_score", "smile_ratio", "posture_score", "head_movement_score"] as const satisfies readonly (keyof VideoFeatures)[];

/** A numeric media feature, named by its place in the log: `audio.speech_rate`, `video.emotion_distribution.happy`. */
export type MediaFeature =
  | `audio.${(typeof AUDIO_NUMERIC)[number]}`
  | `video.${(typeof VIDEO_NUMERIC)[number]}`
  | `video.emotion_distribution.${Emotion}`;

/** Every numeric media feature, in a fixed order. */
export const MEDIA_FEATURES: readonly MediaFeature[] = [
  ...AUDIO_NUMERIC.map((f) => `audio.${f}` as const),
  ...VIDEO_NUMERIC.map((f) => `video.${f}` as const),
  ...EMOTIONS.map((e) => `video.emotion_distribution.${e}` as const),
];

/** The numeric features of `audio_features`, and those of `video_features` (absent from audio-only media reports). */
export const AUDIO_FEATURES: readonly MediaFeature[] = MEDIA_FEATURES.filter((f) => f.startsWith("audio."));
export const VIDEO_FEATURES: readonly MediaFeature[] = MEDIA_FEATURES.filter((f) => f.startsWith("video."));

/** Categorical media features (the per-session table keeps their most frequent value). */
export const MEDIA_CATEGORIES = ["audio.emotion", "video.dominant_emotion"] as const;
export type MediaCategory = (typeof MEDIA_CATEGORIES)[number];

/**
 * Dimension names come from the data, so they get a namespace of their own in the wide tables: the column of a
 * dimension is its name behind `score:` (`score:表达清晰度`). No built-in column starts with it, so no dimension
 * name, whatever it is (`user_id`, `ts`, `__proto__`), can replace or shadow a column of the kit's.
 */
export const DIMENSION_PREFIX = "score:";

/**
 * The wide tables' column for a dimension.
 *
 * @example dimensionColumn("表达清晰度") // "score:表达清晰度"
 */
export function dimensionColumn(name: string): string {
  return DIMENSION_PREFIX + name;
}

/**
 * The dimension a wide-table column holds, or `undefined` for the kit's own columns.
 *
 * @example dimensionOfColumn("score:表达清晰度") // "表达清晰度"; dimensionOfColumn("user_id") // undefined
 */
export function dimensionOfColumn(column: string): string | undefined {
  return column.startsWith(DIMENSION_PREFIX) ? column.slice(DIMENSION_PREFIX.length) : undefined;
}

/** Columns of the sessions table besides one column per dimension (`dimensionColumn(name)`, from the data). */
export const SESSION_COLUMNS = {
  session_id: "session_id",
  user_id: "user_id",
  ts: "ts",
  ts_raw: "ts_raw",
  overall_score: "overall_score",
  strength_tags: "strength_tags",
  risk_tags: "risk_tags",
  n_tasks: "n_tasks",
  task_focus: "task_focus",
  n_timeline_events: "n_timeline_events",
  n_reports: "n_reports",
  file: "file",
  line: "line",
} as const;

/** Columns of the long dimension-score table. */
export const SCORE_COLUMNS = ["session_id", "user_id", "ts", "dimension", "score", "comment", "is_strength", "is_risk"] as const;

/** Columns the per-session media table adds (besides `<feature>` means and `<feature>.n` counts). */
export const MEDIA_SESSION_COLUMNS = { n_media: "n_media", n_audio: "n_audio", n_video: "n_video", media_user_ids: "media_user_ids" } as const;

/** Columns of the student timeline table besides the session columns. */
export const TIMELINE_COLUMNS = { session_index: "session_index", n_sessions: "n_sessions" } as const;

/** The count column for a feature in the per-session media table: `audio.speech_rate.n`. */
export function countColumn(feature: MediaFeature): string {
  return `${feature}.n`;
}
