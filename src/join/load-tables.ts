import type * as aq from "arquero";
import { readMetricsBatches, resolveSources, type ReadOptions } from "../load/read-metrics";
import type { LoadIssue } from "../load/load-issue";
import type { SchemaDrift } from "../load/schema-drift";
import { createCollector, type MetricsData } from "./metrics-data";
import { sessionsTable } from "./sessions-table";
import { mediaTable } from "./media-table";
import { mediaPerSession } from "./media-per-session";
import { joinMedia, type UserMismatch } from "./join-media";

/** What `loadTables` builds: the join layer's tables, the issues and the counts around them. */
export interface MetricsTables {
  files: string[];
  data: MetricsData;
  issues: LoadIssue[];
  drift: SchemaDrift;
  /** Accepted rows per type, superseded reports included. */
  rows: { session_report: number; media_report: number };
  sessions: aq.ColumnTable;
  media: aq.ColumnTable;
  mediaPerSession: aq.ColumnTable;
  joined: aq.ColumnTable;
  orphans: aq.ColumnTable;
  userMismatches: UserMismatch[];
  /** Session reports replaced by a later report of the same session. */
  superseded: number;
  dimensions: string[];
}

/**
 * Streams logs into the join layer's tables without holding row objects: sessions (current reports),
 * media, media per session, sessions ⟕ media, orphan media sessions and user_id mismatches.
 * Throws like `readMetrics` (`MetricsSourceError`; `MetricsLoadError` in strict mode).
 *
 * @example
 * const t = await loadTables("data/sample/metrics.log");
 * t.sessions.numRows(); t.joined.filter(d => d.n_media > 0).numRows(); t.issues.length
 */
export async function loadTables(sources?: string | readonly string[], options: ReadOptions = {}): Promise<MetricsTables> {
  const files = resolveSources(sources);
  const issues: LoadIssue[] = [];
  const drift: SchemaDrift = options.drift ?? new Map();
  const collector = createCollector();
  for await (const batch of readMetricsBatches(files, { ...options, drift, onIssue: (i) => { issues.push(i); options.onIssue?.(i); } })) {
    for (const r of batch) collector.add(r);
  }
  return buildTables(collector.data, { files: files.map((f) => (f === "-" ? "<stdin>" : f)), issues, drift });
}

/** Builds the tables of `loadTables` from collected data (rows fed to `createCollector` by hand). */
export function buildTables(data: MetricsData, context: { files: string[]; issues: LoadIssue[]; drift: SchemaDrift }): MetricsTables {
  const sessions = sessionsTable(data);
  const media = mediaTable(data);
  const perSession = mediaPerSession(data);
  const { joined, orphans, userMismatches } = joinMedia(sessions, perSession);
  return {
    ...context,
    data,
    rows: { session_report: data.reports.session_id.length, media_report: data.media.media_id.length },
    sessions, media, mediaPerSession: perSession, joined, orphans, userMismatches,
    superseded: data.reports.session_id.length - data.current.size,
    dimensions: [...data.dimensions],
  };
}
