import * as aq from "arquero";
import { MEDIA_SPECS } from "../store/column-specs";
import type { ColumnLike } from "../store/column";
import type { MetricsData } from "../store/metrics-data";
import { DateColumn } from "./date-column";

/**
 * One row per media report, in file order, with the columns of `MEDIA_SPECS` in its order: media_id, session_id, user_id, media_type, ts (Date values in a `DateColumn`),
 * ts_raw, file, line, `audio.speech_rate` … `video.emotion_distribution.neutral` (numbers, `NaN` = missing),
 * `audio.emotion`, `video.dominant_emotion`. The columns are `data`'s own (coded, packed or typed), not copies.
 */
export function mediaTable(data: MetricsData): aq.ColumnTable {
  const m = data.media;
  const columns: Record<string, unknown> = {};
  for (const spec of MEDIA_SPECS) {
    const column = m[spec.name] as ColumnLike<unknown>;
    columns[spec.name] = spec.kind === "timestamp" ? new DateColumn(column as ColumnLike<number>) : column;
  }
  return aq.table(columns);
}
