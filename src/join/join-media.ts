import * as aq from "arquero";
import { countColumn, MEDIA_FEATURES, MEDIA_SESSION_COLUMNS as M } from "./columns";
import type { ColumnLike } from "../store/column";
import { GroupColumn } from "./group-column";
import { PickedColumn } from "./picked-column";
import { NO_USERS } from "./media-per-session";

/** A session whose media carry a user_id other than the session report's. */
export interface UserMismatch {
  session_id: string;
  user_id: string | null;
  media_user_ids: string[];
}

/** Sessions ⟕ media per session, and what did not line up. */
export interface JoinResult {
  /**
   * Every session row with its media aggregates. A session without media has n_media = n_audio = n_video = 0,
   * feature counts (`<feature>.n`) 0, feature means `NaN`, emotions `null` and `media_user_ids` `[]`.
   */
  joined: aq.ColumnTable;
  /** Per-session media rows whose session has no report (abandoned interviews). */
  orphans: aq.ColumnTable;
  userMismatches: UserMismatch[];
}

/**
 * A table's columns in the table's row order: each column itself when the table is neither filtered nor ordered,
 * else a view through the table's row index (computed once for all its columns).
 */
function columnsInOrder(table: aq.ColumnTable): (name: string) => ColumnLike<unknown> {
  const index = table.isFiltered() || table.isOrdered() ? Int32Array.from(table.indices()) : undefined;
  return (name) => {
    const column = table.column(name) as unknown as ColumnLike<unknown>;
    return index ? new PickedColumn(column, index) : column;
  };
}

/** Rows `start … end - 1` of a column, without copying where the column allows it. */
function rowRange(column: ColumnLike<unknown>, start: number, end: number): ColumnLike<unknown> {
  if (column instanceof GroupColumn) return column.range(start, end);
  if (ArrayBuffer.isView(column)) return (column as unknown as Float64Array).subarray(start, end);
  if (Array.isArray(column)) return column.slice(start, end);
  return new PickedColumn(column, Int32Array.from({ length: end - start }, (_, k) => start + k));
}

/**
 * Left-joins sessions with media aggregated per session (`mediaPerSession`) on `session_id`, by index: the result's
 * columns are views of its inputs' (`PickedColumn`, `GroupColumn.range`), not copies. When `perSession`'s first rows
 * are the sessions in order (`mediaPerSession(data, { sessions })`), they are shared as they are.
 *
 * @example
 * const sessions = sessionsTable(data);
 * const { joined, orphans } = joinMedia(sessions, mediaPerSession(data, { sessions: sessions.column("session_id") }));
 * orphans.numRows() // sessions that have media but no session_report
 */
export function joinMedia(sessions: aq.ColumnTable, perSession: aq.ColumnTable): JoinResult {
  const sessionColumn = columnsInOrder(sessions);
  const mediaColumn = columnsInOrder(perSession);
  const sid = sessionColumn("session_id") as ColumnLike<string>;
  const mediaSid = mediaColumn("session_id") as ColumnLike<string>;
  const counts = new Set<string>([M.n_media, M.n_audio, M.n_video, ...MEDIA_FEATURES.map(countColumn)]);
  const means = new Set<string>(MEDIA_FEATURES);
  const fill = (name: string) => (counts.has(name) ? 0 : means.has(name) ? NaN : name === M.media_user_ids ? NO_USERS : null);
  const names = perSession.columnNames().filter((name) => name !== "session_id");
  const n = sid.length;
  const media: Record<string, ColumnLike<unknown>> = {};
  const rest: Record<string, ColumnLike<unknown>> = {};
  if (linedUp(sid, mediaSid)) {
    for (const name of ["session_id", ...names]) {
      const values = mediaColumn(name);
      if (name !== "session_id") media[name] = rowRange(values, 0, n);
      rest[name] = rowRange(values, n, values.length);
    }
  } else {
    const group = new Map<string, number>();
    for (let g = 0; g < mediaSid.length; g++) group.set(mediaSid.at(g)!, g);
    const at = new Int32Array(n);
    const matched = new Uint8Array(mediaSid.length);
    for (let i = 0; i < n; i++) {
      const g = group.get(sid.at(i)!) ?? -1;
      at[i] = g;
      if (g >= 0) matched[g] = 1;
    }
    const orphanRows = Int32Array.from(matched.keys()).filter((g) => !matched[g]);
    for (const name of ["session_id", ...names]) {
      const values = mediaColumn(name);
      if (name !== "session_id") media[name] = new PickedColumn(values, at, fill(name));
      rest[name] = new PickedColumn(values, orphanRows);
    }
  }
  const columns: Record<string, unknown> = {};
  for (const name of sessions.columnNames()) columns[name] = sessionColumn(name);
  const joined = aq.table({ ...columns, ...media });
  const orphans = aq.table(rest);

  const userMismatches: UserMismatch[] = [];
  const uid = columns.user_id as ColumnLike<string | null>;
  const mids = media[M.media_user_ids] as ColumnLike<readonly string[]>;
  for (let i = 0; i < n; i++) {
    const ids = mids.at(i)!;
    const u = uid.at(i) ?? null;
    if (ids.some((m) => m !== u)) userMismatches.push({ session_id: sid.at(i)!, user_id: u, media_user_ids: [...ids] });
  }
  return { joined, orphans, userMismatches };
}

/** True when the per-session rows start with exactly the sessions, in order. */
function linedUp(sessions: ColumnLike<string>, perSession: ColumnLike<string>): boolean {
  if (perSession.length < sessions.length) return false;
  for (let i = 0; i < sessions.length; i++) if (sessions.at(i) !== perSession.at(i)) return false;
  return true;
}
