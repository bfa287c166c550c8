import type { SessionReport } from "../schema/session-report";
import type { MediaReport } from "../schema/media-report";
import type { Diagnostics } from "../schema/diagnostics";
import type { AudioFeatures } from "../schema/audio-features";
import type { VideoFeatures } from "../schema/video-features";
import { EMOTIONS, type Emotion } from "../schema/video-features";
import type { ColumnSpec, ColumnsOf } from "./column-spec";

// The one list of the store's columns. The chunk builder (where a row becomes columns), the transfer between
// threads, the assembly, the cache's snapshots, the tables and the export's column types are all derived from
// REPORT_SPECS and MEDIA_SPECS: a new log field is one line here (plus its schema). Dimension scores and comments
// are the one exception, their names coming from the data (see `ReportChunk.dimensions`).

export const DIAGNOSTIC_COLUMNS = ["total_words", "avg_answer_len", "filler_ratio", "reflection_score"] as const satisfies readonly (keyof Diagnostics)[];
export type DiagnosticColumn = (typeof DIAGNOSTIC_COLUMNS)[number];

export const AUDIO_NUMERIC = ["speech_rate", "pause_ratio", "filler_word_ratio", "pitch_variance"] as const satisfies readonly (keyof AudioFeatures)[];
export const VIDEO_NUMERIC = ["eye_contact_score", "smile_ratio", "posture_score", "head_movement_score"] as const satisfies readonly (keyof VideoFeatures)[];

/** A numeric media feature, named by its place in the log: `audio.speech_rate`, `video.emotion_distribution.happy`. */
export type MediaFeature =
  | `audio.${(typeof AUDIO_NUMERIC)[number]}`
  | `video.${(typeof VIDEO_NUMERIC)[number]}`
  | `video.emotion_distribution.${Emotion}`;

/** Categorical media features (the per-session table keeps their most frequent value). */
export const MEDIA_CATEGORIES = ["audio.emotion", "video.dominant_emotion"] as const;
export type MediaCategory = (typeof MEDIA_CATEGORIES)[number];

/**
 * Session report columns, in the sessions table's order (its dimension columns come after `overall_score`, its
 * `n_reports` before `file`).
 */
export const REPORT_SPECS = [
  { name: "session_id", kind: "session", read: (r) => r.session_id, nullable: false },
  { name: "user_id", kind: "string", read: (r) => r.user_id, nullable: true },
  { name: "ts", kind: "timestamp", read: (r) => r.ts, nullable: false },
  { name: "ts_raw", kind: "text", read: (r) => r.ts, nullable: false },
  { name: "overall_score", kind: "number", read: (r) => r.evaluation.overall_score, nullable: true },
  ...DIAGNOSTIC_COLUMNS.map((c) => ({ name: c, kind: "number", read: (r: SessionReport) => r.diagnostics?.[c], nullable: true }) as const),
  { name: "strength_tags", kind: "list", read: (r) => r.evaluation.strength_tags, nullable: true },
  { name: "risk_tags", kind: "list", read: (r) => r.evaluation.risk_tags, nullable: true },
  { name: "n_tasks", kind: "count", read: (r) => r.evaluation.suggested_next_tasks?.length ?? 0, nullable: false },
  { name: "task_focus", kind: "list", read: (r) => r.evaluation.suggested_next_tasks?.map((t) => t.focus), nullable: true },
  { name: "n_timeline_events", kind: "count", read: (r) => r.evaluation.timeline_events?.length ?? 0, nullable: false },
  { name: "file", kind: "file", nullable: false },
  { name: "line", kind: "line", nullable: false },
] as const satisfies readonly ColumnSpec<SessionReport>[];

const audio = (f: (typeof AUDIO_NUMERIC)[number]) =>
  ({ name: `audio.${f}`, kind: "number", read: (m: MediaReport) => m.audio_features?.[f], nullable: true }) as const;
const video = (f: (typeof VIDEO_NUMERIC)[number]) =>
  ({ name: `video.${f}`, kind: "number", read: (m: MediaReport) => m.video_features?.[f], nullable: true, sparse: "video" }) as const;
const emotion = (e: Emotion) =>
  ({ name: `video.emotion_distribution.${e}`, kind: "number", read: (m: MediaReport) => m.video_features?.emotion_distribution?.[e], nullable: true, sparse: "video" }) as const;

/** Media report columns, in the media table's order. */
export const MEDIA_SPECS = [
  { name: "media_id", kind: "text", read: (m) => m.media_id, nullable: false },
  { name: "session_id", kind: "session", read: (m) => m.session_id, nullable: false },
  { name: "user_id", kind: "string", read: (m) => m.user_id, nullable: true },
  { name: "media_type", kind: "string", read: (m) => m.media_type, nullable: false },
  { name: "ts", kind: "timestamp", read: (m) => m.ts, nullable: false },
  { name: "ts_raw", kind: "text", read: (m) => m.ts, nullable: false },
  { name: "file", kind: "file", nullable: false },
  { name: "line", kind: "line", nullable: false },
  ...AUDIO_NUMERIC.map(audio),
  ...VIDEO_NUMERIC.map(video),
  ...EMOTIONS.map(emotion),
  { name: "audio.emotion", kind: "string", read: (m) => m.audio_features?.emotion, nullable: true },
  { name: "video.dominant_emotion", kind: "string", read: (m) => m.video_features?.dominant_emotion, nullable: true },
] as const satisfies readonly ColumnSpec<MediaReport>[];

export type ReportSpec = (typeof REPORT_SPECS)[number];
export type MediaSpec = (typeof MEDIA_SPECS)[number];

/** Every numeric media feature, in a fixed order (the media specs' `number` columns). */
export const MEDIA_FEATURES: readonly MediaFeature[] = MEDIA_SPECS.filter((s) => s.kind === "number").map((s) => s.name as MediaFeature);
/** The numeric features of `audio_features`, and those of `video_features` (absent from audio-only media reports). */
export const AUDIO_FEATURES: readonly MediaFeature[] = MEDIA_FEATURES.filter((f) => f.startsWith("audio."));
export const VIDEO_FEATURES: readonly MediaFeature[] = MEDIA_FEATURES.filter((f) => f.startsWith("video."));

/** The columns of every session report as the store holds them, by spec name. */
export type ReportSpecColumns = ColumnsOf<typeof REPORT_SPECS>;
/** The columns of every media report, by spec name. */
export type MediaSpecColumns = ColumnsOf<typeof MEDIA_SPECS>;
