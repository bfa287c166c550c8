import * as aq from "arquero";
import { countColumn, MEDIA_CATEGORIES, MEDIA_FEATURES, MEDIA_SESSION_COLUMNS as M } from "./columns";
import type { MetricsData } from "./metrics-data";

/**
 * One row per media report, in file order, features flattened: media_id, session_id, user_id, media_type, ts (Date),
 * ts_raw, file, line, `audio.speech_rate` … `video.emotion_distribution.neutral` (Float64Array, `NaN` = missing),
 * `audio.emotion`, `video.dominant_emotion`.
 */
export function mediaTable(data: MetricsData): aq.ColumnTable {
  const m = data.media;
  const columns: Record<string, unknown> = {
    media_id: m.media_id, session_id: m.session_id, user_id: m.user_id, media_type: m.media_type,
    ts: Array.from(m.ts.values(), (t) => new Date(t)), ts_raw: m.ts_raw, file: m.file, line: m.line.values(),
  };
  for (const f of MEDIA_FEATURES) columns[f] = m.features[f].values();
  for (const c of MEDIA_CATEGORIES) columns[c] = m[c];
  return aq.table(columns);
}

/**
 * Media aggregated per session: session_id, n_media, n_audio, n_video, for each numeric feature its mean
 * (named as the feature) and its non-missing count (`<feature>.n`), the most frequent `audio.emotion` and
 * `video.dominant_emotion`, and `media_user_ids` (the distinct non-null user ids the media carry).
 *
 * @example mediaPerSession(mediaTable(data)).columnNames().slice(0, 5) // ["session_id", "n_media", "n_audio", "n_video", "audio.speech_rate"]
 */
export function mediaPerSession(media: aq.ColumnTable): aq.ColumnTable {
  const { op } = aq;
  const spec: Record<string, unknown> = {
    [M.n_media]: op.count(),
    [M.n_audio]: "d => op.sum(d.media_type === 'audio' ? 1 : 0)",
    [M.n_video]: "d => op.sum(d.media_type === 'video' ? 1 : 0)",
  };
  for (const f of MEDIA_FEATURES) {
    spec[f] = op.mean(f);
    spec[countColumn(f)] = op.valid(f);
  }
  for (const c of MEDIA_CATEGORIES) spec[c] = op.mode(c);
  spec[M.media_user_ids] = op.array_agg_distinct("user_id");
  // arquero's rollup accepts op descriptors and expression strings alike; its typings only list the former.
  return media.groupby("session_id").rollup(spec as Parameters<aq.ColumnTable["rollup"]>[0]);
}
