import type * as aq from "arquero";
import type { MetricsTables } from "../join/load-tables";
import { dimensionScores } from "../join/dimension-scores";
import { studentTimelines } from "../join/student-timelines";
import type { DatasetTable } from "./table-names";

/**
 * One of the kit's tables by its dataset name: `sessions`, `scores` (`dimensionScores`, long), `media`, `joined`
 * (sessions ⟕ media per session) or `timelines` (`studentTimelines` of the joined table). `scores` and `timelines`
 * are computed when asked for.
 *
 * @example datasetTable(t, "scores").numRows()
 */
export function datasetTable(tables: MetricsTables, name: DatasetTable): aq.ColumnTable {
  switch (name) {
    case "sessions":
      return tables.sessions;
    case "scores":
      return dimensionScores(tables.data);
    case "media":
      return tables.media;
    case "joined":
      return tables.joined;
    case "timelines":
      return studentTimelines(tables.joined);
  }
}
