import * as aq from "arquero";
import { resolveSources, type ReadOptions } from "../load/read-metrics";
import { MetricsLoadError, type LoadIssue } from "../load/load-issue";
import { parseChunks, type LocatedChunk, type ParseChunksOptions } from "../load/parse-chunks";
import { cachedChunks, type CachedChunk } from "../cache/cached-chunks";
import { cacheSettings, type CacheOptions } from "../cache/cache-settings";
import type { SchemaDrift } from "../load/schema-drift";
import { DataAssembler, type MetricsData } from "./metrics-data";
import { sessionsTable } from "./sessions-table";
import { mediaTable } from "./media-table";
import { mediaPerSession } from "./media-per-session";
import { joinMedia, type UserMismatch } from "./join-media";
import type { ColumnLike } from "./column";

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
  /** Media aggregated per session, for every session with media (a filtered view: use `array()`/`objects()`). */
  mediaPerSession: aq.ColumnTable;
  joined: aq.ColumnTable;
  orphans: aq.ColumnTable;
  userMismatches: UserMismatch[];
  /** Session reports replaced by a later report of the same session. */
  superseded: number;
  dimensions: string[];
}

/** Options of `loadTables`: those of `readMetrics`, how many worker threads parse, and the cache's (`cache: false` bypasses it). */
export type LoadTablesOptions = ReadOptions & Pick<ParseChunksOptions, "workers"> & CacheOptions;

/**
 * Streams logs into the join layer's tables without holding row objects: sessions (current reports),
 * media, media per session, sessions ⟕ media, orphan media sessions and user_id mismatches.
 * Lines are parsed and validated on worker threads (`options.workers`), each chunk folded into columns there;
 * issues, drift and rows come out exactly as `readMetrics` gives them, in line order. Each file's parsed chunks are
 * kept in the cache (`cachedChunks`; see `CacheOptions`): an unchanged log is read from it, a grown one parses only
 * its new bytes, with the same result.
 * Throws like `readMetrics` (`MetricsSourceError`; `MetricsLoadError` in strict mode).
 *
 * @example
 * const t = await loadTables("data/sample/metrics.log");
 * t.sessions.numRows(); t.joined.filter(d => d.n_media > 0).numRows(); t.issues.length
 */
export async function loadTables(sources?: string | readonly string[], options: LoadTablesOptions = {}): Promise<MetricsTables> {
  const files = resolveSources(sources);
  const issues: LoadIssue[] = [];
  const drift: SchemaDrift = options.drift ?? new Map();
  const assembler = new DataAssembler();
  const settings = cacheSettings(options);
  const chunks: AsyncIterable<Partial<CachedChunk> & LocatedChunk> = settings ? cachedChunks(files, options, settings) : parseChunks(files, options);
  for await (const { file, lineBase, parsed, fresh } of chunks) {
    if (fresh) assembler.restartDictionaries();
    for (const relative of parsed.issues) {
      const issue = { ...relative, line: relative.line + lineBase };
      if (options.strict && issue.severity === "error") throw new MetricsLoadError(issue);
      issues.push(issue);
      options.onIssue?.(issue);
    }
    for (const [path, n] of parsed.drift) drift.set(path, (drift.get(path) ?? 0) + n);
    assembler.append(parsed.columns, file, lineBase);
  }
  return buildTables(assembler.finish(), { files: files.map((f) => (f === "-" ? "<stdin>" : f)), issues, drift });
}

/** Builds the tables of `loadTables` from collected data (rows fed to `createCollector` by hand). */
export function buildTables(data: MetricsData, context: { files: string[]; issues: LoadIssue[]; drift: SchemaDrift }): MetricsTables {
  const sessions = sessionsTable(data);
  const media = mediaTable(data);
  // Per-session media lined up with the sessions (then the orphans), so that the join shares its columns.
  const perSession = mediaPerSession(data, { sessions: sessions.column("session_id") as unknown as ColumnLike<string> });
  const { joined, orphans, userMismatches } = joinMedia(sessions, perSession);
  return {
    ...context,
    data,
    rows: { session_report: data.reports.ts.length, media_report: data.media.ts.length },
    sessions, media, mediaPerSession: perSession.filter(aq.escape((d: { n_media: number }) => d.n_media > 0)), joined, orphans, userMismatches,
    superseded: data.reports.ts.length - data.reportedSessions,
    dimensions: [...data.dimensions],
  };
}
