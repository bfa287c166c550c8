import * as aq from "arquero";
import type { MetricsData } from "../store/metrics-data";
import { DateColumn } from "./date-column";
import { reportIndices } from "./sessions-table";

/**
 * The dimension scores in long form, one row per (current session, dimension with a score):
 * session_id, user_id, ts (Date), dimension, score, comment, is_strength, is_risk — ordered by ts, then by
 * the dimension's first appearance in the log.
 *
 * @example dimensionScores(data).groupby("dimension").rollup({ mean: op.mean("score") })
 */
export function dimensionScores(data: MetricsData): aq.ColumnTable {
  const r = data.reports;
  const idx = reportIndices(data, "current");
  const cols = { session_id: [] as string[], user_id: [] as (string | null)[], ts: [] as number[], dimension: [] as string[], score: [] as number[],
    comment: [] as (string | null)[], is_strength: [] as boolean[], is_risk: [] as boolean[] };
  for (const i of idx) {
    for (const name of data.dimensions) {
      const score = r.scores.get(name)!.at(i);
      if (Number.isNaN(score)) continue;
      cols.session_id.push(r.session_id.at(i));
      cols.user_id.push(r.user_id.at(i));
      cols.ts.push(r.ts.at(i));
      cols.dimension.push(name);
      cols.score.push(score);
      cols.comment.push(r.comments.get(name)!.at(i));
      cols.is_strength.push(r.strength_tags.at(i)?.includes(name) ?? false);
      cols.is_risk.push(r.risk_tags.at(i)?.includes(name) ?? false);
    }
  }
  return aq.table({ ...cols, ts: new DateColumn(Float64Array.from(cols.ts)) });
}
