import { createHash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, type BigIntStats } from "node:fs";
import { join, resolve } from "node:path";
import { INLINE_BYTES, parseChunks, type LocatedChunk, type ParseChunksOptions } from "../load/parse-chunks";
import { parseAhead } from "../load/parse-ahead";
import { defaultWorkers } from "../io/worker-script";
import { MAX_LINE_BYTES } from "../load/line-source";
import { OPEN_NO_WAIT, sourceKind } from "../load/source-kind";
import type { ParsedChunk } from "../load/parse-chunk";
import type { LoadIssue } from "../load/load-issue";
import { addDrift } from "../load/schema-drift";
import type { MetricsData } from "../store/metrics-data";
import { removeFile } from "./cache-file";
import { SegmentWriter, segmentKey } from "./segment-writer";
import type { CacheSettings } from "./cache-settings";
import { evict, touchEntries } from "./cache-eviction";
import { readIndex, readSegment, writeIndex, type LogIndex, type SegmentRef, type StoredChunk } from "./log-index";
import { parserIdentity } from "./parser-identity";
import { prefixFingerprint } from "./prefix-fingerprint";
import { readSnapshotFile, writeSnapshotFile, type SnapshotBase } from "./snapshot-file";
import { inBackground } from "./pending-writes";

/** A located chunk; `fresh` when its interner codes start a new run (the assembler forgets the threads' interners). */
export interface CachedChunk extends LocatedChunk {
  fresh: boolean;
  /** Replayed from the cache (not parsed by this load). */
  cached: boolean;
}

/** The file's data once its chunks are read: `complete` up to its last newline (without a torn last line), `whole` with it. */
export interface LoadedData {
  complete: () => MetricsData;
  whole: () => MetricsData;
}

/** One log as the cache gives it. */
export interface CachedLog {
  /** The snapshot of the log's data (lines 1 … `base.lines`), with their issues and drift, when the cache holds one. */
  base?: SnapshotBase;
  /** The chunks after the base, in line order: appends replayed from the cache, then the bytes parsed now. */
  chunks: AsyncIterable<CachedChunk>;
  /** Whether chunks follow the base (segments to replay, bytes to parse), known before they are read. */
  more: boolean;
  /** Called once the chunks are read: keeps what the cache should of the log, in the background (`cacheWrites`; never throws). */
  keep(data: LoadedData): void;
}

/** Delta segments a log may gain by appends before its snapshot is taken again. */
const MAX_SEGMENTS = 8;

/**
 * A log through the cache in `settings.dir`. A plain log's snapshot (and the segments of chunks appended after it)
 * are used when its device, inode and cached prefix (fingerprint) are unchanged, and only the bytes after them are
 * parsed, line numbers continuing; the cache then keeps those bytes up to their last newline as a new segment, or
 * takes a new snapshot of the whole when there is none yet, when the appends pass a quarter of the snapshot or
 * `MAX_SEGMENTS`. A `.gz` log is kept as one snapshot, keyed by the SHA-256 of its bytes. Standard input, a FIFO
 * or a process substitution (anything but a regular file: `sourceKind`) is parsed as it streams, never opened here
 * nor cached. A cache that cannot be read or written is passed by: the result is the same as without it.
 *
 * @example const log = openCachedLog("metrics.log", {}, cacheSettings({})!); for await (const c of log.chunks) …; log.keep(data)
 */
export function openCachedLog(file: string, options: ParseChunksOptions, settings: CacheSettings): CachedLog {
  let identity: string | undefined;
  try {
    identity = parserIdentity();
  } catch {
    // the parser's files cannot be read (a bundled kit): nothing can be keyed, so nothing is cached
  }
  const uncached = (): CachedLog => ({ chunks: run(parseChunks([file], options), 0), more: true, keep: () => {} });
  // Only a regular file is opened here: stdin, a FIFO or `<(…)` is read once, by parseChunks (see `sourceKind`).
  if (identity === undefined || sourceKind(file) !== "file") return uncached();
  let fd: number;
  try {
    fd = openSync(file, OPEN_NO_WAIT);
  } catch {
    return uncached(); // parseChunks reports why it cannot be read
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    const log = { file, fd, stats, params: `${identity} ${options.maxLineBytes ?? MAX_LINE_BYTES}`, settings, options };
    if (!stats.isFile()) return uncached();
    return isGzip(fd) ? gzipLog(log) : plainLog(log);
  } finally {
    closeSync(fd);
  }
}

interface Log {
  file: string;
  fd: number;
  stats: BigIntStats;
  params: string;
  settings: CacheSettings;
  options: ParseChunksOptions;
}

/** Chunks of one `parseChunks` run, the first `fresh`, their line numbers after `lineBase`. */
async function* run(chunks: AsyncIterable<LocatedChunk> | Iterable<LocatedChunk>, lineBase: number): AsyncGenerator<CachedChunk, void, undefined> {
  let fresh = true;
  for await (const c of chunks) {
    yield { ...c, lineBase: c.lineBase + lineBase, fresh, cached: false };
    fresh = false;
  }
}

/** A chunk replayed from the cache, its issues naming the file as given now. */
function replayed(file: string, lineBase: number, c: StoredChunk): CachedChunk {
  const parsed: ParsedChunk = { ...c.parsed, issues: c.parsed.issues.map((i) => ({ ...i, file })) };
  return { file, lineBase, parsed, end: c.end, torn: c.torn, fresh: c.fresh, cached: true };
}

/** What a load has read of a log so far, for the snapshot it may take: extent, issues (lines absolute) and drift. */
class Extent {
  issues: LoadIssue[];
  drift: Map<string, number>;
  constructor(public to: number, public lines: number, base?: SnapshotBase) {
    this.issues = base ? [...base.issues] : [];
    this.drift = new Map(base?.drift);
  }
  add(c: CachedChunk): void {
    for (const i of c.parsed.issues) this.issues.push({ ...i, line: i.line + c.lineBase });
    addDrift(this.drift, c.parsed.drift);
    this.lines += c.parsed.lines;
    this.to = c.end;
  }
  base(data: MetricsData): SnapshotBase {
    return { data, issues: this.issues, drift: [...this.drift], lines: this.lines, to: this.to };
  }
}

/** A plain log: its index checked, its snapshot and segments read, the rest parsed; `keep` extends the cache. */
function plainLog(log: Log): CachedLog {
  const { file, fd, stats, settings } = log;
  let path = resolve(file);
  try {
    path = realpathSync(file);
  } catch {
    // removed since it was opened: the load reads it through its descriptor's checks, keyed by its path as given
  }
  const id = sha1(`plain\n${path}\n${log.params}`);
  const entry = { path, id, key: `index ${path} ${log.params}`, indexName: `${id}.idx` };
  const index = readIndex(join(settings.dir, entry.indexName), entry.key);
  const size = Number(stats.size);
  const valid = index !== undefined && index.dev === String(stats.dev) && index.ino === String(stats.ino) && size >= index.end
    && !(size === index.size && index.mtimeNs !== String(stats.mtimeNs)) && prefixFingerprint(fd, index.end) === index.fingerprint;
  // The bytes after the cached prefix, when few, are parsed on a worker while the snapshot is read here.
  const ahead = valid && index.end < size && size - index.end < INLINE_BYTES && (log.options.workers ?? defaultWorkers()) > 0
    ? parseAhead(file, { start: index.end, end: size, maxLineBytes: log.options.maxLineBytes, highWaterMark: log.options.highWaterMark })
    : undefined;
  const snap = valid ? index.snapshot : undefined;
  const base = snap ? readSnapshotFile(join(settings.dir, snap.name), snapshotKey(snap.name, log.params), file) : undefined;
  const trusted = base !== undefined && base.to === snap!.to && base.lines === snap!.lines;
  const segments = trusted ? index!.segments : [];
  const extent = new Extent(trusted ? base.to : 0, trusted ? base.lines : 0, trusted ? base : undefined);
  const retake = !trusted || segments.length >= MAX_SEGMENTS || size - extent.to > extent.to / 4;
  const state = { kept: [] as SegmentRef[], parsed: false, writer: undefined as SegmentWriter | undefined };
  async function* chunks(): AsyncGenerator<CachedChunk, void, undefined> {
    for (const seg of segments) {
      const stored = seg.from === extent.to ? readSegment(join(settings.dir, seg.name), segmentKey(seg, log.params)) : undefined;
      if (!stored || stored.reduce((n, c) => n + c.parsed.lines, 0) !== seg.lines) break;
      for (const s of stored) {
        const c = replayed(file, extent.lines, s);
        yield c;
        extent.add(c);
      }
      state.kept.push(seg);
    }
    const writer = (state.writer = retake ? undefined : new SegmentWriter(settings.dir, id, log.params, extent.to, extent.lines));
    try {
      const early = ahead?.from === extent.to ? await ahead.result() : undefined;
      ahead?.cancel();
      const rest = early ?? (extent.to < size ? parseChunks([file], { ...log.options, start: extent.to, end: size }) : []);
      for await (const c of run(rest, extent.lines)) {
        yield c;
        state.parsed = true;
        if (c.torn) continue;
        writer?.add({ fresh: c.fresh, end: c.end, torn: false, parsed: c.parsed }, c.lineBase);
        if (retake) extent.add(c);
      }
    } finally {
      ahead?.cancel();
    }
  }
  return {
    base: trusted ? base : undefined,
    chunks: chunks(),
    more: segments.length > 0 || extent.to < size,
    keep: (data) => inBackground(() => keepPlain(log, entry, index, { ...state, retake: retake && (state.parsed || !trusted || segments.length > 0), extent, data })),
  };
}

/** After a plain log's chunks: its new snapshot or segment and its index written (when the file did not change meanwhile), the cache bounded. */
async function keepPlain(
  log: Log,
  entry: { path: string; id: string; key: string; indexName: string },
  index: LogIndex | undefined,
  s: { kept: SegmentRef[]; writer?: SegmentWriter; retake: boolean; extent: Extent; data: LoadedData },
): Promise<void> {
  const { stats, settings } = log;
  const now = statSync(log.file, { bigint: true });
  if (now.ino !== stats.ino || now.dev !== stats.dev || now.size < stats.size) return s.writer?.discard();
  let snapshot = index?.snapshot;
  let segments = s.kept;
  if (s.retake) {
    const name = `${entry.id}.${randomBytes(5).toString("hex")}.snap`;
    await writeSnapshotFile(join(settings.dir, name), snapshotKey(name, log.params), s.extent.base(s.data.complete()));
    [snapshot, segments] = [{ name, to: s.extent.to, lines: s.extent.lines }, []];
  } else {
    const added = s.writer?.commit();
    if (added) segments = [...segments, added];
  }
  const end = segments.at(-1)?.to ?? snapshot?.to ?? 0;
  const fd = openSync(log.file, OPEN_NO_WAIT);
  let fingerprint: string;
  try {
    if (fstatSync(fd, { bigint: true }).ino !== stats.ino) return;
    fingerprint = prefixFingerprint(fd, end);
  } finally {
    closeSync(fd);
  }
  const next: LogIndex = {
    path: entry.path, dev: String(stats.dev), ino: String(stats.ino), size: Number(stats.size), mtimeNs: String(stats.mtimeNs),
    end, lines: (snapshot?.lines ?? 0) + segments.reduce((n, g) => n + g.lines, 0), fingerprint, snapshot, segments,
  };
  const names = [entry.indexName, ...(snapshot ? [snapshot.name] : []), ...segments.map((g) => g.name)];
  if (JSON.stringify(next) !== JSON.stringify(index)) writeIndex(join(settings.dir, entry.indexName), entry.key, next);
  for (const old of [index?.snapshot?.name, ...(index?.segments ?? []).map((g) => g.name)]) if (old && !names.includes(old)) removeFile(join(settings.dir, old));
  touchEntries(settings.dir, names);
  evict(settings.dir, settings.maxBytes, new Set(names));
}

/** A gzip log, kept whole as one snapshot keyed by the SHA-256 of its bytes. */
function gzipLog(log: Log): CachedLog {
  const { file, settings } = log;
  const content = contentHash(log.fd);
  const name = `${sha1(`gzip\n${content}\n${log.params}`)}.snap`;
  const key = `gzip ${content} ${log.params}`;
  const path = join(settings.dir, name);
  const base = readSnapshotFile(path, key, file);
  if (base) return { base, chunks: run([], 0), more: false, keep: () => inBackground(() => touchEntries(settings.dir, [name])) };
  const extent = new Extent(0, 0);
  async function* chunks(): AsyncGenerator<CachedChunk, void, undefined> {
    for await (const c of run(parseChunks([file], log.options), 0)) {
      yield c;
      extent.add(c);
    }
  }
  return {
    chunks: chunks(),
    more: true,
    keep: (data) => inBackground(async () => {
      const now = statSync(file, { bigint: true });
      if (now.ino !== log.stats.ino || now.size !== log.stats.size || now.mtimeNs !== log.stats.mtimeNs) return;
      await writeSnapshotFile(path, key, extent.base(data.whole()));
      evict(settings.dir, settings.maxBytes, new Set([name]));
    }),
  };
}

/** A snapshot's key: its name, with the parser's parameters. */
const snapshotKey = (name: string, params: string) => `snapshot ${name} ${params}`;

function isGzip(fd: number): boolean {
  const b = Buffer.alloc(2);
  return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
}

function contentHash(fd: number): string {
  const hash = createHash("sha256");
  const b = Buffer.allocUnsafe(1 << 20);
  for (let pos = 0; ; ) {
    const n = readSync(fd, b, 0, b.length, pos);
    if (n === 0) return hash.digest("hex");
    hash.update(b.subarray(0, n));
    pos += n;
  }
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
