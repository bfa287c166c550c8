import * as aq from "arquero";
import { MEDIA_SESSION_COLUMNS as M } from "./columns";

/** A session whose media carry a user_id other than the session report's. */
export interface UserMismatch {
  session_id: string;
  user_id: string | null;
  media_user_ids: string[];
}

/** Sessions ⟕ media per session, and what did not line up. */
export interface JoinResult {
  /** Every session row, with its media aggregates (n_media = 0 and missing features where it has none). */
  joined: aq.ColumnTable;
  /** Per-session media rows whose session has no report (abandoned interviews). */
  orphans: aq.ColumnTable;
  userMismatches: UserMismatch[];
}

/**
 * Left-joins sessions with media aggregated per session (`mediaPerSession`) on `session_id`.
 *
 * @example
 * const { joined, orphans } = joinMedia(sessionsTable(data), mediaPerSession(mediaTable(data)));
 * orphans.numRows() // sessions that have media but no session_report
 */
export function joinMedia(sessions: aq.ColumnTable, perSession: aq.ColumnTable): JoinResult {
  const joined = sessions
    .join_left(perSession, "session_id")
    .impute({ [M.n_media]: () => 0, [M.n_audio]: () => 0, [M.n_video]: () => 0 });
  const orphans = perSession.antijoin(sessions, "session_id");
  const userMismatches: UserMismatch[] = [];
  const sid = joined.array("session_id") as string[];
  const uid = joined.array("user_id") as (string | null)[];
  const mids = joined.array(M.media_user_ids) as (string[] | undefined)[];
  for (let i = 0; i < sid.length; i++) {
    const ids = mids[i];
    if (ids && ids.some((m) => m !== uid[i])) userMismatches.push({ session_id: sid[i], user_id: uid[i], media_user_ids: ids });
  }
  return { joined, orphans, userMismatches };
}
