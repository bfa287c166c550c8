import { buildTables, type MetricsTables } from "../join/load-tables";
import type { MediaColumns, MetricsData, ReportColumns } from "../store/metrics-data";
import { BlockColumn, type TypedArray } from "../store/block-column";
import { CodedColumn } from "../store/coded-column";
import { TextColumn } from "../store/text-column";
import type { ColumnLike } from "../store/column";
import { MEDIA_SPECS, REPORT_SPECS } from "../store/column-specs";
import type { ColumnSpec } from "../store/column-spec";
import { checkFilter, type CheckedFilter } from "./check-filter";

/**
 * An instant of a filter: a `Date`, epoch milliseconds, or an ISO date or date-time string read as `--since` is
 * (`2025-11-01` is midnight UTC; a date-time without an offset is UTC).
 */
export type FilterInstant = Date | number | string;

/**
 * Which sessions to keep: a half-open time window `[since, until)` and a set of user ids. Checked by `checkFilter`
 * wherever a filter is taken: an instant that cannot be read, `since` not before `until`, or `users` that is not a
 * list of strings (a string is a list of its characters) is a one-line error, never a silent empty result.
 */
export interface TableFilter {
  /** Keep sessions at or after this instant. */
  since?: FilterInstant;
  /** Keep sessions before this instant (exclusive). */
  until?: FilterInstant;
  /** Keep only sessions of these students, a list or a set of ids (a guest session, `user_id` null, is then left out). */
  users?: readonly string[] | ReadonlySet<string>;
}

/**
 * True when the filter can leave anything out. Throws as `checkFilter` does for a filter it cannot read.
 *
 * @example isFiltering({}) // false; isFiltering({ users: ["u1"] }) // true
 */
export function isFiltering(filter: TableFilter | undefined): boolean {
  if (filter === undefined) return false;
  const checked = checkFilter(filter);
  return checked.since !== undefined || checked.until !== undefined || checked.users !== undefined;
}

/**
 * The tables of the sessions that pass the filter, built afresh (the input is never changed). A session is judged
 * by its current report (its `ts` and `user_id`), a session without a report (orphan media) by its first media
 * report; a kept session keeps all its reports (superseded ones too) and all its media. Issues, drift and files
 * are those of the whole load. Throws as `checkFilter` does (`FilterOptionError`, `TypeError`) for a filter it
 * cannot read: a string `users`, an invalid date, `since` not before `until`.
 *
 * @example
 * const nov = filterTables(t, { since: "2025-11-01", until: Date.UTC(2025, 11, 1) });
 * nov.sessions.numRows() // sessions whose current report is in November 2025 (UTC)
 * filterTables(t, { users: "u1" }) // throws TypeError 'users: expected a list of user ids such as ["u1"], got the string "u1" (…)'
 */
export function filterTables(tables: MetricsTables, filter: TableFilter): MetricsTables {
  if (!isFiltering(filter)) return tables;
  const data = filterData(tables.data, filter);
  return buildTables(data, { files: [...tables.files], issues: [...tables.issues], drift: new Map(tables.drift) });
}

/**
 * `MetricsData` restricted to the sessions that pass `filter` (see `filterTables`; checked by `checkFilter`): new
 * columns of the kept rows, the session codes (`sessionIds`) unchanged.
 *
 * @example buildTables(filterData(t.data, { users: ["u1"] }), t)
 */
export function filterData(data: MetricsData, filter: TableFilter): MetricsData {
  const keep = keptSessions(data, checkFilter(filter));
  const r = data.reports;
  const m = data.media;
  const reportRows = rowsOf(r.session_id.codes, keep);
  const mediaRows = rowsOf(m.session_id.codes, keep);
  const newIndex = new Int32Array(r.ts.length).fill(-1);
  reportRows.forEach((old, k) => (newIndex[old] = k));
  const current = Int32Array.from(data.current, (i, code) => (keep[code] && i >= 0 ? newIndex[i] : -1));
  const reportCounts = Int32Array.from(data.reportCounts, (n, code) => (keep[code] ? n : 0));
  const reports = pickReports(r, reportRows);
  const dimensions = data.dimensions.filter((name) => hasValue(reports.scores.get(name)!) || reports.comments.get(name)!.codes.toArray().some((c) => c !== 0));
  for (const name of data.dimensions) {
    if (dimensions.includes(name)) continue;
    reports.scores.delete(name);
    reports.comments.delete(name);
  }
  return {
    reports, media: pickMedia(m, mediaRows), sessionIds: data.sessionIds, current, reportCounts,
    reportedSessions: current.reduce((n, i) => n + (i >= 0 ? 1 : 0), 0), dimensions,
  };
}

/** Per session code: 1 when the session passes the filter. */
function keptSessions(data: MetricsData, filter: CheckedFilter): Uint8Array {
  const since = filter.since ?? -Infinity;
  const until = filter.until ?? Infinity;
  const users = filter.users === undefined ? undefined : new Set(filter.users);
  const passes = (ts: number, user: string | null) => ts >= since && ts < until && (!users || (user !== null && users.has(user)));
  const keep = new Uint8Array(data.sessionIds.length);
  const seen = new Uint8Array(data.sessionIds.length);
  data.current.forEach((i, code) => {
    if (i >= 0) {
      seen[code] = 1;
      keep[code] = passes(data.reports.ts.at(i), data.reports.user_id.at(i)) ? 1 : 0;
    }
  });
  const m = data.media;
  for (let j = 0; j < m.ts.length; j++) {
    const code = m.session_id.codes.at(j);
    if (seen[code]) continue;
    seen[code] = 1;
    keep[code] = passes(m.ts.at(j), m.user_id.at(j)) ? 1 : 0;
  }
  return keep;
}

/** Rows (in file order) whose session code is kept. */
function rowsOf(codes: BlockColumn<Int32Array>, keep: Uint8Array): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < codes.length; i++) if (keep[codes.at(i)]) rows.push(i);
  return Int32Array.from(rows);
}

function pickReports(r: ReportColumns, rows: Int32Array): ReportColumns {
  const scores = new Map<string, BlockColumn<Float64Array>>();
  const comments = new Map<string, CodedColumn<string | null>>();
  for (const [name, column] of r.scores) scores.set(name, numbers(column, rows, Float64Array));
  for (const [name, column] of r.comments) comments.set(name, coded(column, rows));
  return { ...pickColumns(r, REPORT_SPECS, rows), scores, comments } as unknown as ReportColumns;
}

function pickMedia(m: MediaColumns, rows: Int32Array): MediaColumns {
  return pickColumns(m, MEDIA_SPECS, rows) as unknown as MediaColumns;
}

/** The kept rows of each spec's column, stored as its kind is (a sparse column becomes a plain one). */
function pickColumns(columns: object, specs: readonly ColumnSpec<never>[], rows: Int32Array): Record<string, unknown> {
  const all = columns as Record<string, ColumnLike<unknown>>;
  const picked: Record<string, unknown> = {};
  for (const { name, kind } of specs) {
    const column = all[name];
    if (kind === "text") picked[name] = text(column as TextColumn, rows);
    else if (kind === "line") picked[name] = numbers(column as ColumnLike<number>, rows, Uint32Array);
    else if (kind === "string" || kind === "list" || kind === "session" || kind === "file") picked[name] = coded(column as CodedColumn<unknown>, rows);
    else picked[name] = numbers(column as ColumnLike<number>, rows, Float64Array);
  }
  return picked;
}

function coded<T>(column: CodedColumn<T>, rows: Int32Array): CodedColumn<T> {
  return new CodedColumn(BlockColumn.of(Int32Array, Int32Array.from(rows, (i) => column.codes.at(i))), column.values);
}

function numbers<A extends TypedArray>(column: ColumnLike<number>, rows: Int32Array, make: new (length: number) => A): BlockColumn<A> {
  const out = new make(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = column.at(rows[k])!;
  return BlockColumn.of(make, out);
}

function text(column: TextColumn, rows: Int32Array): TextColumn {
  return TextColumn.of(Array.from(rows, (i) => column.at(i)));
}

function hasValue(column: ColumnLike<number>): boolean {
  for (let i = 0; i < column.length; i++) if (column.at(i) === column.at(i)) return true;
  return false;
}
