import * as aq from "arquero";
import { countColumn, MEDIA_CATEGORIES, MEDIA_FEATURES, MEDIA_SESSION_COLUMNS as M } from "./columns";
import type { MetricsData } from "../store/metrics-data";
import { CodedColumn } from "../store/coded-column";
import { BlockColumn } from "../store/block-column";
import { PickedColumn } from "./picked-column";
import type { ColumnLike } from "../store/column";
import { GroupColumn, groupRows, type GroupReducer } from "./group-column";

/** Options of `mediaPerSession`. */
export interface MediaPerSessionOptions {
  /**
   * Sessions to give the first rows, in this order, whether they have media or not (`n_media` 0): pass the
   * sessions table's `session_id` column and the first rows line up with it (`joinMedia` then shares them).
   */
  sessions?: ColumnLike<string> | ArrayLike<string>;
}

/**
 * Media aggregated per session: session_id, n_media, n_audio, n_video, for each numeric feature its mean over
 * present values (named as the feature; `NaN` when none) and its present count (`<feature>.n`), the most frequent
 * `audio.emotion` and `video.dominant_emotion` (first seen wins ties), and `media_user_ids` (distinct non-null,
 * first seen first). Rows: `options.sessions` first, then every other session with media in order of its first
 * media report.
 *
 * The media rows are grouped once (a counting sort: 4 bytes a media report and 4 a session); every aggregate is a
 * `GroupColumn`, computed from a session's few media reports when it is read, so the table costs no memory per
 * column and aggregates nobody reads cost no time.
 *
 * @example mediaPerSession(data).columnNames().slice(0, 5) // ["session_id", "n_media", "n_audio", "n_video", "audio.speech_rate"]
 */
export function mediaPerSession(data: MetricsData, options: MediaPerSessionOptions = {}): aq.ColumnTable {
  const m = data.media;
  const { codes: sessionOf, ids } = sessionCodes(data, options.sessions);
  const groupOf = new Int32Array(ids.length).fill(-1);
  for (let k = 0; k < sessionOf.length; k++) {
    if (groupOf[sessionOf[k]] >= 0) throw new Error(`mediaPerSession: session ${ids[sessionOf[k]]} is listed twice in options.sessions`);
    groupOf[sessionOf[k]] = k;
  }
  const mediaSession = m.session_id.codes;
  const rowGroup = new Int32Array(mediaSession.length);
  // the sessions given, then each other session with media as its first media report comes
  const groupSession = new Int32Array(sessionOf.length + mediaSession.length);
  groupSession.set(sessionOf);
  let nGroups = sessionOf.length;
  for (let i = 0; i < mediaSession.length; i++) {
    const s = mediaSession.at(i);
    if (groupOf[s] < 0) {
      groupOf[s] = nGroups;
      groupSession[nGroups++] = s;
    }
    rowGroup[i] = groupOf[s];
  }
  const groups = groupRows(rowGroup, nGroups);
  const column = <T>(reduce: GroupReducer<T>) => new GroupColumn(groups, reduce);
  const type = m.media_type.codes;
  const typeCode = (name: string) => m.media_type.values.indexOf(name);
  const columns: Record<string, unknown> = {
    session_id: new CodedColumn(BlockColumn.of(Int32Array, groupSession.subarray(0, nGroups)), ids),
    [M.n_media]: column((_, lo, hi) => hi - lo),
    [M.n_audio]: column(countOf(type, typeCode("audio"))),
    [M.n_video]: column(countOf(type, typeCode("video"))),
  };
  for (const f of MEDIA_FEATURES) {
    const values = m[f];
    columns[f] = column((order, lo, hi) => {
      let sum = 0;
      let n = 0;
      for (let j = lo; j < hi; j++) {
        const v = values.at(order[j]);
        if (Number.isFinite(v)) {
          sum += v;
          n++;
        }
      }
      return n > 0 ? sum / n : NaN;
    });
    columns[countColumn(f)] = column((order, lo, hi) => {
      let n = 0;
      for (let j = lo; j < hi; j++) if (Number.isFinite(values.at(order[j]))) n++;
      return n;
    });
  }
  for (const c of MEDIA_CATEGORIES) columns[c] = column(mostFrequent(m[c]));
  const users = m.user_id;
  columns[M.media_user_ids] = column((order, lo, hi) => {
    let ids: string[] | undefined;
    for (let j = lo; j < hi; j++) {
      const u = users.at(order[j]);
      if (u !== null && !ids?.includes(u)) (ids ??= []).push(u);
    }
    return ids ? Object.freeze(ids) : NO_USERS;
  });
  return aq.table(columns);
}

/**
 * The rows of a per-session media table whose session has media (`n_media` > 0), as views of its columns.
 *
 * @example sessionsWithMedia(mediaPerSession(data, { sessions })).numRows() // sessions with at least one media report
 */
export function sessionsWithMedia(perSession: aq.ColumnTable): aq.ColumnTable {
  const n = perSession.column(M.n_media) as unknown as ColumnLike<number>;
  const rows: number[] = [];
  for (let g = 0; g < n.length; g++) if (n.at(g)! > 0) rows.push(g);
  const index = Int32Array.from(rows);
  const columns: Record<string, unknown> = {};
  for (const name of perSession.columnNames()) columns[name] = new PickedColumn(perSession.column(name) as unknown as ColumnLike<unknown>, index);
  return aq.table(columns);
}

/** `media_user_ids` of a session whose media carry no user_id (or that has no media). */
export const NO_USERS: readonly string[] = Object.freeze([]);

/**
 * The session codes of `sessions`, and the ids they index: straight from the codes when `sessions` is a sessions
 * table's column; else looked up, a session with neither report nor media coded after `data.sessionIds`.
 */
function sessionCodes(data: MetricsData, sessions: MediaPerSessionOptions["sessions"]): { codes: Int32Array; ids: readonly string[] } {
  if (!sessions) return { codes: new Int32Array(0), ids: data.sessionIds };
  if (sessions instanceof PickedColumn && sessions.source === data.reports.session_id) {
    const codes = data.reports.session_id.codes;
    const out = new Int32Array(sessions.index.length);
    for (let k = 0; k < out.length; k++) out[k] = codes.at(sessions.index[k]);
    return { codes: out, ids: data.sessionIds };
  }
  const code = new Map(data.sessionIds.map((id, c) => [id, c]));
  const extra: string[] = [];
  const at = (k: number) => ("at" in sessions && typeof sessions.at === "function" ? sessions.at(k) : (sessions as ArrayLike<string>)[k]) as string;
  const codes = new Int32Array(sessions.length);
  for (let k = 0; k < codes.length; k++) {
    const id = at(k);
    let c = code.get(id);
    if (c === undefined) {
      c = data.sessionIds.length + extra.length;
      code.set(id, c);
      extra.push(id);
    }
    codes[k] = c;
  }
  return { codes, ids: extra.length > 0 ? [...data.sessionIds, ...extra] : data.sessionIds };
}

/** How many of a group's rows have media type `code`. */
function countOf(type: BlockColumn<Int32Array>, code: number): GroupReducer<number> {
  return (order, lo, hi) => {
    let n = 0;
    for (let j = lo; j < hi; j++) if (type.at(order[j]) === code) n++;
    return n;
  };
}

/** A group's most frequent non-null value (the one seen first wins ties; `null` when none). */
function mostFrequent(values: CodedColumn<string | null>): GroupReducer<string | null> {
  const codes = values.codes;
  return (order, lo, hi) => {
    let best = 0;
    let most = 0;
    for (let j = lo; j < hi; j++) {
      const c = codes.at(order[j]);
      if (c === 0 || c === best) continue;
      let n = 0;
      for (let k = j; k < hi; k++) if (codes.at(order[k]) === c) n++;
      if (n > most) [best, most] = [c, n];
    }
    return values.values[best] ?? null;
  };
}
