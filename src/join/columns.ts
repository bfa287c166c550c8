
// The log's field lists live with the store's column specs (the one source of truth); the tables' names are here.
export { DIAGNOSTIC_COLUMNS, AUDIO_NUMERIC, VIDEO_NUMERIC, MEDIA_FEATURES, AUDIO_FEATURES, VIDEO_FEATURES, MEDIA_CATEGORIES } from "../store/column-specs";
export type { DiagnosticColumn, MediaFeature, MediaCategory } from "../store/column-specs";
import type { MediaFeature } from "../store/column-specs";

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
