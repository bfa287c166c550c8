import { z } from "zod";
import { LoadIssue } from "../load/load-issue";
import type { MetricsTables } from "../join/load-tables";
import { moments } from "../stats/moments";
import type { ColumnLike } from "../store/column";
import { CodedColumn } from "../store/coded-column";
import { formatTimestamp } from "../schema/timestamp";
import { dimensionColumn } from "../join/columns";
import { nameRecord } from "../join/name-record";
import { finiteColumn } from "../analysis/finite-column";

const DimensionStats = z.object({ n: z.number().int(), mean: z.number(), std: z.number().nullable(), min: z.number(), max: z.number() });

/** The shape `metrics-kit summary --json` prints. */
export const Summary = z.object({
  files: z.array(z.string()),
  rows: z.object({ session_report: z.number().int(), media_report: z.number().int() }),
  issues: z.array(LoadIssue),
  sessions: z.number().int(),
  superseded_reports: z.number().int(),
  users: z.number().int(),
  time_range: z.object({ first: z.string(), last: z.string() }).nullable(),
  dimensions: z.record(z.string(), DimensionStats),
  joined: z.object({ sessions_with_media: z.number().int(), orphan_media_sessions: z.number().int() }),
  schema_drift: z.record(z.string(), z.number().int()),
  user_mismatches: z.number().int(),
});
export type Summary = z.infer<typeof Summary>;

/**
 * Summarises loaded tables: row counts, issues, sessions, users, time range (ISO 8601 with Z), per-dimension
 * statistics over current reports (std with n − 1), media coverage and schema drift.
 */
export function summarize(t: MetricsTables): Summary {
  const { first, last } = range([t.data.reports.ts, t.data.media.ts]);
  const dimensions: Summary["dimensions"] = nameRecord();
  for (const name of t.dimensions) {
    const d = moments(finiteColumn(t.sessions, dimensionColumn(name)));
    if (d) dimensions[name] = { n: d.n, mean: d.mean, std: Number.isNaN(d.std) ? null : d.std, min: d.min, max: d.max };
  }
  const nMedia = t.joined.getter("n_media");
  let withMedia = 0;
  for (let i = 0, n = t.joined.numRows(); i < n; i++) if ((nMedia(i) as number) > 0) withMedia++;
  return {
    files: t.files,
    rows: t.rows,
    issues: t.issues,
    sessions: t.sessions.numRows(),
    superseded_reports: t.superseded,
    users: distinctUsers([t.data.reports.user_id, t.data.media.user_id]),
    time_range: Number.isFinite(first) ? { first: formatTimestamp(first), last: formatTimestamp(last) } : null,
    dimensions,
    joined: { sessions_with_media: withMedia, orphan_media_sessions: t.orphans.numRows() },
    schema_drift: Object.fromEntries(t.drift),
    user_mismatches: t.userMismatches.length,
  };
}

/** Distinct non-null values of columns: counted by code when they share one dictionary, else by value. */
function distinctUsers(columns: readonly CodedColumn<string | null>[]): number {
  const values = columns[0].values;
  if (columns.every((c) => c instanceof CodedColumn && c.values === values)) {
    const seen = new Uint8Array(values.length);
    for (const c of columns) for (let i = 0; i < c.length; i++) seen[c.codes.at(i)] = 1;
    let n = 0;
    seen.forEach((s, code) => (n += s && values[code] !== null ? 1 : 0));
    return n;
  }
  const users = new Set<string>();
  for (const column of columns) for (const u of column) if (u !== null) users.add(u);
  return users.size;
}

/** The smallest and largest of columns of numbers. */
function range(columns: readonly ColumnLike<number>[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const col of columns) {
    for (let i = 0; i < col.length; i++) {
      const v = col.at(i)!;
      if (v < first) first = v;
      if (v > last) last = v;
    }
  }
  return { first, last };
}
