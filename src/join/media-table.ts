import * as aq from "arquero";
import { MEDIA_CATEGORIES, MEDIA_FEATURES } from "./columns";
import type { MetricsData } from "./metrics-data";
import { DateColumn } from "./date-column";

/**
 * One row per media report, in file order, features flattened: media_id, session_id, user_id, media_type, ts (Date values in a `DateColumn`),
 * ts_raw, file, line, `audio.speech_rate` … `video.emotion_distribution.neutral` (numbers, `NaN` = missing),
 * `audio.emotion`, `video.dominant_emotion`. The columns are `data`'s own (coded, packed or typed), not copies.
 */
export function mediaTable(data: MetricsData): aq.ColumnTable {
  const m = data.media;
  const columns: Record<string, unknown> = {
    media_id: m.media_id, session_id: m.session_id, user_id: m.user_id, media_type: m.media_type,
    ts: new DateColumn(m.ts), ts_raw: m.ts_raw, file: m.file, line: m.line,
  };
  for (const f of MEDIA_FEATURES) columns[f] = m.features[f];
  for (const c of MEDIA_CATEGORIES) columns[c] = m[c];
  return aq.table(columns);
}
