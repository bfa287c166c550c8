import * as aq from "arquero";
import { resolveSources, type ReadOptions } from "../load/read-metrics";
import { MetricsLoadError, type LoadIssue } from "../load/load-issue";
import { parseChunks, type LocatedChunk, type ParseChunksOptions } from "../load/parse-chunks";
import { openCachedLog } from "../cache/cached-log";
import { cacheSettings, type CacheOptions, type CacheSettings } from "../cache/cache-settings";
import { dataChunk } from "../store/data-chunk";
import { addDrift, type SchemaDrift } from "../load/schema-drift";
import type { SnapshotBase } from "../cache/snapshot-file";
import { StoreAssembler } from "../store/store-assembler";
import type { MetricsData } from "../store/metrics-data";
import { sessionsTable } from "./sessions-table";
import { mediaTable } from "./media-table";
import { mediaPerSession, sessionsWithMedia } from "./media-per-session";
import { joinMedia, type UserMismatch } from "./join-media";
import type { ColumnLike } from "../store/column";

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
  /** Media aggregated per session, for every session with media (views of `joined`'s and `orphans`' columns). */
  mediaPerSession: aq.ColumnTable;
  joined: aq.ColumnTable;
  orphans: aq.ColumnTable;
  userMismatches: UserMismatch[];
  /** Session reports replaced by a later report of the same session. */
  superseded: number;
  dimensions: string[];
  /** Lines read from the cache and lines parsed by this load (`loadTables`; both count every line, blank and bad ones too). */
  read?: { cachedLines: number; parsedLines: number };
}

/** Options of `loadTables`: those of `readMetrics`, how many worker threads parse, and the cache's (`cache: false` bypasses it). */
export type LoadTablesOptions = ReadOptions & Pick<ParseChunksOptions, "workers"> & CacheOptions;

/**
 * Streams logs into the join layer's tables without holding row objects: sessions (current reports),
 * media, media per session, sessions ⟕ media, orphan media sessions and user_id mismatches.
 * Lines are parsed and validated on worker threads (`options.workers`), each chunk folded into columns there;
 * issues, drift and rows come out exactly as `readMetrics` gives them, in line order. Each file's parsed chunks are
 * kept in the cache (`openCachedLog`; see `CacheOptions`) as a snapshot of its columns: an unchanged log is read
 * from it, a grown one parses only its new bytes, with the same result (`read` says how many lines came from where).
 * Throws like `readMetrics` (`MetricsSourceError`; `MetricsLoadError` in strict mode).
 *
 * @example
 * const t = await loadTables("data/sample/metrics.log");
 * t.sessions.numRows(); t.joined.filter(d => d.n_media > 0).numRows(); t.issues.length
 */
export async function loadTables(sources?: string | readonly string[], options: LoadTablesOptions = {}): Promise<MetricsTables> {
  const files = resolveSources(sources);
  const sink = new LoadSink(options);
  const settings = cacheSettings(options);
  const data = settings ? await loadCached(files, options, settings, sink) : await loadParsed(files, options, sink);
  return { ...buildTables(data, { files: files.map((f) => (f === "-" ? "<stdin>" : f)), issues: sink.issues, drift: sink.drift }), read: sink.read };
}

/** Where a load's issues, drift and line counts go, as they come: in line order, strict mode stopping at the first error. */
class LoadSink {
  issues: LoadIssue[] = [];
  drift: SchemaDrift;
  read = { cachedLines: 0, parsedLines: 0 };
  constructor(private options: LoadTablesOptions) {
    this.drift = options.drift ?? new Map();
  }
  issue(issue: LoadIssue): void {
    if (this.options.strict && issue.severity === "error") throw new MetricsLoadError(issue);
    this.issues.push(issue);
    this.options.onIssue?.(issue);
  }
  chunk({ lineBase, parsed }: LocatedChunk, cached: boolean): void {
    for (const relative of parsed.issues) this.issue({ ...relative, line: relative.line + lineBase });
    addDrift(this.drift, parsed.drift);
    this.read[cached ? "cachedLines" : "parsedLines"] += parsed.lines;
  }
  /** A log's snapshot read from the cache: its issues (lines absolute already), drift and lines. */
  base(base: SnapshotBase): void {
    for (const issue of base.issues) this.issue(issue);
    addDrift(this.drift, base.drift);
    this.read.cachedLines += base.lines;
  }
}

/** Every file parsed afresh into one assembler. */
async function loadParsed(files: readonly string[], options: LoadTablesOptions, sink: LoadSink): Promise<MetricsData> {
  const assembler = StoreAssembler.create();
  for await (const chunk of parseChunks(files, options)) {
    sink.chunk(chunk, false);
    assembler.append(chunk.parsed.columns, chunk.file, chunk.lineBase);
  }
  return assembler.finish();
}

/** Each file through the cache (its snapshot, then the chunks after it), the files' data then joined in order. */
async function loadCached(files: readonly string[], options: LoadTablesOptions, settings: CacheSettings, sink: LoadSink): Promise<MetricsData> {
  const loaded: { data: MetricsData; file: string }[] = [];
  for (const file of files) {
    const log = openCachedLog(file, options, settings);
    if (log.base) sink.base(log.base);
    // Resumed before the chunks are awaited (the bytes a log gained may be parsing on a worker meanwhile).
    let assembler = log.base && log.more ? StoreAssembler.resume(log.base.data, file) : undefined;
    let complete: MetricsData | undefined;
    let name = file;
    for await (const chunk of log.chunks) {
      name = chunk.file;
      assembler ??= log.base ? StoreAssembler.resume(log.base.data, name) : StoreAssembler.create();
      if (chunk.fresh) assembler.restartDictionaries();
      if (chunk.torn) complete = assembler.finish(); // the log's last line, without its newline: not kept as it is
      sink.chunk(chunk, chunk.cached);
      assembler.append(chunk.parsed.columns, name, chunk.lineBase);
    }
    const data = assembler?.finish() ?? log.base?.data ?? StoreAssembler.create().finish();
    log.keep({ complete: () => complete ?? data, whole: () => data });
    loaded.push({ data, file: name });
  }
  if (loaded.length === 1) return loaded[0].data;
  const joined = loaded.length > 0 ? StoreAssembler.resume(loaded[0].data, loaded[0].file) : StoreAssembler.create();
  for (const { data, file } of loaded.slice(1)) {
    joined.restartDictionaries();
    joined.append(dataChunk(data), file, 0);
  }
  return joined.finish();
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
    sessions, media, mediaPerSession: sessionsWithMedia(perSession), joined, orphans, userMismatches,
    superseded: data.reports.ts.length - data.reportedSessions,
    dimensions: [...data.dimensions],
  };
}
