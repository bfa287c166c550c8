import * as aq from "arquero";
import { TIMELINE_COLUMNS as T } from "./columns";

/**
 * Each student's sessions in time order: the sessions (or joined) table without guest sessions (null user_id),
 * ordered by user_id then ts, with `session_index` (1-based) and `n_sessions` (that student's count).
 *
 * @example studentTimelines(sessions).filter(d => d.n_sessions >= 3)
 */
export function studentTimelines(sessions: aq.ColumnTable): aq.ColumnTable {
  return sessions
    .filter((d: { user_id: string | null }) => d.user_id != null)
    .reify()
    .orderby("user_id", "ts")
    .groupby("user_id")
    .derive({ [T.session_index]: aq.op.row_number(), [T.n_sessions]: aq.op.count() })
    .ungroup()
    .reify();
}
