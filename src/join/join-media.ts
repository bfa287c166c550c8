import * as aq from "arquero";
import { countColumn, MEDIA_FEATURES, MEDIA_SESSION_COLUMNS as M } from "./columns";

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

const NO_USERS: readonly string[] = Object.freeze([]);

/** A column's values in row order: the column itself when the table is neither filtered nor ordered (no copy). */
function columnValues(table: aq.ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name) as unknown as ArrayLike<unknown>;
  return table.isFiltered() || table.isOrdered() ? table.array(name) : column;
}

/** The rows at `index` of every column (`-1` gives the column's fill value). */
function gather(table: aq.ColumnTable, index: Int32Array, fill: (name: string, numeric: boolean) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = index.length;
  for (const name of table.columnNames()) {
    const values = columnValues(table, name);
    if (values instanceof Float64Array) {
      const missing = fill(name, true) as number;
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = index[i] < 0 ? missing : values[index[i]];
      out[name] = col;
    } else {
      const missing = fill(name, false);
      const col = new Array<unknown>(n);
      for (let i = 0; i < n; i++) col[i] = index[i] < 0 ? missing : values[index[i]];
      out[name] = col;
    }
  }
  return out;
}

/**
 * Left-joins sessions with media aggregated per session (`mediaPerSession`) on `session_id`, by index: the
 * sessions' columns are shared with the result, not copied. When `perSession`'s first rows are the sessions in
 * order (`mediaPerSession(data, { sessions })`), its numeric columns are shared too; otherwise each media column
 * is gathered once.
 *
 * @example
 * const sessions = sessionsTable(data);
 * const { joined, orphans } = joinMedia(sessions, mediaPerSession(data, { sessions: sessions.array("session_id") }));
 * orphans.numRows() // sessions that have media but no session_report
 */
export function joinMedia(sessions: aq.ColumnTable, perSession: aq.ColumnTable): JoinResult {
  const sid = columnValues(sessions, "session_id") as ArrayLike<string>;
  const mediaSid = columnValues(perSession, "session_id") as ArrayLike<string>;
  const counts = new Set<string>([M.n_media, M.n_audio, M.n_video, ...MEDIA_FEATURES.map(countColumn)]);
  const fill = (name: string, numeric: boolean) => (numeric ? (counts.has(name) ? 0 : NaN) : name === M.media_user_ids ? NO_USERS : null);
  const mediaColumns = perSession.select(aq.not("session_id"));
  let media: Record<string, unknown>;
  let orphans: aq.ColumnTable;
  if (linedUp(sid, mediaSid)) {
    const n = sid.length;
    media = {};
    const rest: Record<string, unknown> = { session_id: Array.prototype.slice.call(mediaSid, n) };
    for (const name of mediaColumns.columnNames()) {
      const values = columnValues(mediaColumns, name);
      const missing = fill(name, values instanceof Float64Array);
      media[name] = values instanceof Float64Array ? values.subarray(0, n) : Array.from({ length: n }, (_, i) => values[i] ?? missing);
      rest[name] = values instanceof Float64Array ? values.subarray(n) : Array.prototype.slice.call(values, n);
    }
    orphans = aq.table(rest);
  } else {
    const group = new Map<string, number>();
    for (let g = 0; g < mediaSid.length; g++) group.set(mediaSid[g], g);
    const at = new Int32Array(sid.length);
    const matched = new Uint8Array(mediaSid.length);
    for (let i = 0; i < sid.length; i++) {
      const g = group.get(sid[i]) ?? -1;
      at[i] = g;
      if (g >= 0) matched[g] = 1;
    }
    media = gather(mediaColumns, at, fill);
    const orphanRows: number[] = [];
    for (let g = 0; g < matched.length; g++) if (!matched[g]) orphanRows.push(g);
    orphans = aq.table(gather(perSession, Int32Array.from(orphanRows), () => null));
  }
  const columns: Record<string, unknown> = {};
  for (const name of sessions.columnNames()) columns[name] = columnValues(sessions, name);
  const joined = aq.table({ ...columns, ...media });

  const userMismatches: UserMismatch[] = [];
  const uid = columnValues(sessions, "user_id") as ArrayLike<string | null>;
  const mids = media[M.media_user_ids] as (readonly string[])[];
  for (let i = 0; i < sid.length; i++) {
    const ids = mids[i];
    if (ids.some((m) => m !== uid[i])) userMismatches.push({ session_id: sid[i], user_id: uid[i], media_user_ids: [...ids] });
  }
  return { joined, orphans, userMismatches };
}

/** True when the per-session rows start with exactly the sessions, in order. */
function linedUp(sessions: ArrayLike<string>, perSession: ArrayLike<string>): boolean {
  if (perSession.length < sessions.length) return false;
  for (let i = 0; i < sessions.length; i++) if (sessions[i] !== perSession[i]) return false;
  return true;
}
