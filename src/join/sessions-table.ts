import * as aq from "arquero";
import { DIAGNOSTIC_COLUMNS, SESSION_COLUMNS as C } from "./columns";
import type { MetricsData } from "./metrics-data";
import { DateColumn } from "./date-column";

/** Options of `sessionsTable`. */
export interface SessionsTableOptions {
  /** `current` (default): each session's latest report. `superseded`: the earlier reports, still reachable. `all`: both. */
  reports?: "current" | "superseded" | "all";
}

/** Indices into `data.reports` for the chosen reports, ordered by `ts` then line. */
export function reportIndices(data: MetricsData, which: SessionsTableOptions["reports"] = "current"): Int32Array {
  const r = data.reports;
  const n = r.session_id.length;
  const current = new Uint8Array(n);
  for (const i of data.current.values()) current[i] = 1;
  const picked: number[] = [];
  for (let i = 0; i < n; i++) {
    if (which === "all" || (which === "current") === (current[i] === 1)) picked.push(i);
  }
  picked.sort((a, b) => r.ts[a] - r.ts[b] || a - b);
  return Int32Array.from(picked);
}

/**
 * The sessions table, wide: one row per `session_id` from its latest report by `ts` (later lines win ties),
 * ordered by `ts`. Columns: session_id, user_id, ts (Date values, UTC, in a `DateColumn`), ts_raw (the log's string), overall_score,
 * one column per dimension name found in the data, the diagnostics, strength_tags, risk_tags, n_tasks,
 * task_focus, n_timeline_events, n_reports (how many reports the session had), file, line.
 * Numeric columns are Float64Arrays in which a missing value is `NaN`.
 *
 * @example sessionsTable(data).columnNames() // ["session_id", "user_id", "ts", …, "结构化表达（STAR）", …]
 */
export function sessionsTable(data: MetricsData, options: SessionsTableOptions = {}): aq.ColumnTable {
  const r = data.reports;
  const idx = reportIndices(data, options.reports);
  const pick = <T>(xs: readonly T[]) => {
    const out = new Array<T>(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = xs[idx[k]];
    return out;
  };
  const pickNumbers = (xs: Float64Array) => {
    const out = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = xs[idx[k]];
    return out;
  };
  const columns: Record<string, unknown> = {
    [C.session_id]: pick(r.session_id),
    [C.user_id]: pick(r.user_id),
    [C.ts]: new DateColumn(pickNumbers(r.ts)),
    [C.ts_raw]: pick(r.ts_raw),
    [C.overall_score]: pickNumbers(r.overall_score),
  };
  for (const name of data.dimensions) columns[name] = pickNumbers(r.scores.get(name)!);
  for (const c of DIAGNOSTIC_COLUMNS) columns[c] = pickNumbers(r.diagnostics[c]);
  Object.assign(columns, {
    [C.strength_tags]: pick(r.strength_tags),
    [C.risk_tags]: pick(r.risk_tags),
    [C.n_tasks]: pickNumbers(r.n_tasks),
    [C.task_focus]: pick(r.task_focus),
    [C.n_timeline_events]: pickNumbers(r.n_timeline_events),
    // The session's count sits on its current report: a superseded row reads it there.
    [C.n_reports]: Float64Array.from(idx, (i) => data.reportCounts[data.current.get(r.session_id[i])!]),
    [C.file]: pick(r.file),
    [C.line]: pickNumbers(r.line),
  });
  return aq.table(columns);
}
