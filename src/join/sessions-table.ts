import * as aq from "arquero";
import { DIAGNOSTIC_COLUMNS, SESSION_COLUMNS as C } from "./columns";
import type { MetricsData } from "./metrics-data";

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
  picked.sort((a, b) => r.ts.get(a) - r.ts.get(b) || a - b);
  return Int32Array.from(picked);
}

/**
 * The sessions table, wide: one row per `session_id` from its latest report by `ts` (later lines win ties),
 * ordered by `ts`. Columns: session_id, user_id, ts (Date, UTC), ts_raw (the log's string), overall_score,
 * one column per dimension name found in the data, the diagnostics, strength_tags, risk_tags, n_tasks,
 * task_focus, n_timeline_events, n_reports (how many reports the session had), file, line.
 * Numeric columns are Float64Arrays in which a missing value is `NaN`.
 *
 * @example sessionsTable(data).columnNames() // ["session_id", "user_id", "ts", …, "结构化表达（STAR）", …]
 */
export function sessionsTable(data: MetricsData, options: SessionsTableOptions = {}): aq.ColumnTable {
  const r = data.reports;
  const idx = reportIndices(data, options.reports);
  const pick = <T>(xs: readonly T[]) => Array.from(idx, (i) => xs[i]);
  const counts = new Map<string, number>();
  for (const sid of r.session_id) counts.set(sid, (counts.get(sid) ?? 0) + 1);
  const columns: Record<string, unknown> = {
    [C.session_id]: pick(r.session_id),
    [C.user_id]: pick(r.user_id),
    [C.ts]: Array.from(idx, (i) => new Date(r.ts.get(i))),
    [C.ts_raw]: pick(r.ts_raw),
    [C.overall_score]: r.overall_score.pick(idx),
  };
  for (const name of data.dimensions) columns[name] = r.scores.get(name)!.pick(idx);
  for (const c of DIAGNOSTIC_COLUMNS) columns[c] = r.diagnostics[c].pick(idx);
  Object.assign(columns, {
    [C.strength_tags]: pick(r.strength_tags),
    [C.risk_tags]: pick(r.risk_tags),
    [C.n_tasks]: r.n_tasks.pick(idx),
    [C.task_focus]: pick(r.task_focus),
    [C.n_timeline_events]: r.n_timeline_events.pick(idx),
    [C.n_reports]: Float64Array.from(idx, (i) => counts.get(r.session_id[i])!),
    [C.file]: pick(r.file),
    [C.line]: r.line.pick(idx),
  });
  return aq.table(columns);
}
