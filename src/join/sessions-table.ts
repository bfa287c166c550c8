import * as aq from "arquero";
import { SESSION_COLUMNS as C, dimensionColumn } from "./columns";
import { REPORT_SPECS } from "../store/column-specs";
import type { MetricsData } from "../store/metrics-data";
import { DateColumn } from "./date-column";
import { PickedColumn } from "./picked-column";
import type { ColumnLike } from "../store/column";

/** Options of `sessionsTable`. */
export interface SessionsTableOptions {
  /** `current` (default): each session's latest report. `superseded`: the earlier reports, still reachable. `all`: both. */
  reports?: "current" | "superseded" | "all";
}

/** Indices into `data.reports` for the chosen reports, ordered by `ts` then line. */
export function reportIndices(data: MetricsData, which: SessionsTableOptions["reports"] = "current"): Int32Array {
  const ts = data.reports.ts;
  const n = ts.length;
  const current = new Uint8Array(n);
  for (const i of data.current) if (i >= 0) current[i] = 1;
  const picked: number[] = [];
  for (let i = 0; i < n; i++) {
    if (which === "all" || (which === "current") === (current[i] === 1)) picked.push(i);
  }
  picked.sort((a, b) => ts.at(a) - ts.at(b) || a - b);
  return Int32Array.from(picked);
}

/**
 * The sessions table, wide: one row per `session_id` from its latest report by `ts` (later lines win ties),
 * ordered by `ts`. Columns: those of `REPORT_SPECS`, in its order — session_id, user_id, ts (Date values, UTC, in a
 * `DateColumn`), ts_raw (the log's string), overall_score, the diagnostics, strength_tags, risk_tags, n_tasks,
 * task_focus, n_timeline_events, file, line — with one column per dimension found in the data after
 * overall_score (`dimensionColumn(name)`: `score:<name>`, a namespace no built-in column shares) and n_reports
 * (how many reports the session had) before file.
 * Numbers are `NaN` where missing. The columns are views (`PickedColumn`) of `data`'s, sharing one index: the
 * table costs 4 bytes a row, not a copy of every value.
 *
 * @example sessionsTable(data).columnNames() // ["session_id", "user_id", "ts", …, "score:结构化表达（STAR）", …]
 */
export function sessionsTable(data: MetricsData, options: SessionsTableOptions = {}): aq.ColumnTable {
  const r = data.reports;
  const idx = reportIndices(data, options.reports);
  const pick = <T>(column: ColumnLike<T>) => new PickedColumn(column, idx);
  const columns: Record<string, unknown> = {};
  for (const spec of REPORT_SPECS) {
    if (spec.name === C.file) columns[C.n_reports] = reportCounts(data, idx);
    const column = r[spec.name] as ColumnLike<unknown>;
    columns[spec.name] = pick(spec.kind === "timestamp" ? new DateColumn(column as ColumnLike<number>) : column);
    if (spec.name === C.overall_score) for (const name of data.dimensions) columns[dimensionColumn(name)] = pick(r.scores.get(name)!);
  }
  return aq.table(columns);
}

/** How many reports the session of each of `idx`'s reports had. */
function reportCounts(data: MetricsData, idx: Int32Array): Int32Array {
  const sid = data.reports.session_id.codes;
  const out = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = data.reportCounts[sid.at(idx[k])];
  return out;
}
