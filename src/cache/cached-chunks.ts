import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, type BigIntStats } from "node:fs";
import { join, resolve } from "node:path";
import { parseChunks, type LocatedChunk, type ParseChunksOptions } from "../load/parse-chunks";
import { MAX_LINE_BYTES, STDIN } from "../load/line-source";
import type { ParsedChunk } from "../load/parse-chunk";
import { removeFile } from "./cache-file";
import { SegmentWriter, segmentKey } from "./segment-writer";
import type { CacheSettings } from "./cache-settings";
import { evict, touchEntries } from "./cache-eviction";
import { readIndex, readSegment, writeIndex, type LogIndex, type SegmentRef, type StoredChunk } from "./log-index";
import { parserIdentity } from "./parser-identity";
import { prefixFingerprint } from "./prefix-fingerprint";

/** A located chunk; `fresh` when its dictionary codes start a new run (the assembler forgets the threads' dictionaries). */
export interface CachedChunk extends LocatedChunk {
  fresh: boolean;
  /** Replayed from the cache (not parsed by this load). */
  cached: boolean;
}

/** Segments a log's cache may grow to by appends; past it the next load writes them again as one. */
const MAX_SEGMENTS = 16;

/**
 * The chunks of `sources` in line order, as `parseChunks` gives them, through the cache in `settings.dir`: a plain
 * log's cached chunks are replayed when its device, inode and cached prefix (fingerprint) are unchanged, and only
 * the bytes after them are parsed (line numbers continuing); the cache then grows by those bytes up to their last
 * newline. A `.gz` log is cached by the SHA-256 of its bytes. Standard input is parsed, never cached. Each file is
 * parsed by a `parseChunks` call of its own, so that its chunks' dictionaries start with it (`fresh`). A cache
 * that cannot be read or written is passed by: the result is the same as without it.
 *
 * @example for await (const c of cachedChunks(["metrics.log"], {}, cacheSettings({})!)) if (c.fresh) assembler.restartDictionaries();
 */
export async function* cachedChunks(sources: readonly string[], options: ParseChunksOptions, settings: CacheSettings): AsyncGenerator<CachedChunk, void, undefined> {
  let identity: string | undefined;
  try {
    identity = parserIdentity();
  } catch {
    // the parser's files cannot be read (a bundled kit): nothing can be keyed, so nothing is cached
  }
  for (const file of sources) {
    let fd: number | undefined;
    try {
      fd = file === STDIN || identity === undefined ? undefined : openSync(file, "r");
    } catch {
      // parseChunks reports why it cannot be read
    }
    if (fd === undefined) {
      yield* run(parseChunks([file], options), 0);
      continue;
    }
    try {
      const stats = fstatSync(fd, { bigint: true });
      const params = `${identity} ${options.maxLineBytes ?? MAX_LINE_BYTES}`;
      const log = { file, fd, stats, params, settings, options };
      if (!stats.isFile()) yield* run(parseChunks([file], options), 0);
      else if (isGzip(fd)) yield* gzipLog(log);
      else yield* plainLog(log);
    } finally {
      closeSync(fd);
    }
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
async function* run(chunks: AsyncIterable<LocatedChunk>, lineBase: number): AsyncGenerator<CachedChunk, void, undefined> {
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

/** A plain log: its index checked, its valid segments replayed, the rest parsed and cached. */
async function* plainLog(log: Log): AsyncGenerator<CachedChunk, void, undefined> {
  const { file, fd, stats, settings } = log;
  let path = resolve(file);
  try {
    path = realpathSync(file);
  } catch {
    // removed since it was opened: the load reads it through its descriptor's checks, keyed by its path as given
  }
  const id = sha1(`plain\n${path}\n${log.params}`);
  const key = `index ${path} ${log.params}`;
  const indexName = `${id}.idx`;
  const index = readIndex(join(settings.dir, indexName), key);
  const size = Number(stats.size);
  const valid = index !== undefined && index.dev === String(stats.dev) && index.ino === String(stats.ino) && size >= index.end
    && !(size === index.size && index.mtimeNs !== String(stats.mtimeNs)) && prefixFingerprint(fd, index.end) === index.fingerprint;
  const old = valid ? index.segments : [];
  const rewrite = old.length >= MAX_SEGMENTS;
  const state = { from: 0, lines: 0, kept: [] as SegmentRef[] };
  let writer: SegmentWriter | undefined = rewrite ? new SegmentWriter(settings.dir, id, log.params, 0, 0) : undefined;
  let done = false;
  try {
    for (const seg of old) {
      const chunks = seg.from === state.from ? readSegment(join(settings.dir, seg.name), segmentKey(seg, log.params)) : undefined;
      if (!chunks || chunks.reduce((n, c) => n + c.parsed.lines, 0) !== seg.lines) break;
      for (const c of chunks) {
        yield replayed(file, state.lines, c);
        writer?.add(c, state.lines);
        state.lines += c.parsed.lines;
      }
      [state.from] = [seg.to];
      state.kept.push(seg);
    }
    writer ??= new SegmentWriter(settings.dir, id, log.params, state.from, state.lines);
    let fresh = true;
    const rest = state.from < size ? parseChunks([file], { ...log.options, start: state.from, end: size }) : [];
    for await (const c of rest) {
      const chunk = { ...c, lineBase: c.lineBase + state.lines, fresh, cached: false };
      yield chunk;
      if (!c.torn) writer.add({ fresh, end: c.end, torn: false, parsed: c.parsed }, chunk.lineBase);
      fresh = false;
    }
    done = true;
  } finally {
    if (!done) writer?.discard();
  }
  const segments = rewrite ? [] : state.kept;
  safely(() => finishPlain(log, { path, id, key, indexName, index, segments, writer: writer! }));
}

/** After a plain log's chunks: its new segment and index written (when the file did not change meanwhile), the cache bounded. */
function finishPlain(log: Log, s: { path: string; id: string; key: string; indexName: string; index?: LogIndex; segments: SegmentRef[]; writer: SegmentWriter }): void {
  const { stats, settings } = log;
  const now = statSync(log.file, { bigint: true });
  if (now.ino !== stats.ino || now.dev !== stats.dev || now.size < stats.size) return s.writer.discard();
  const added = s.writer.commit();
  const segments = added ? [...s.segments, added] : s.segments;
  const last = segments.at(-1);
  const end = last?.to ?? 0;
  const next: LogIndex = {
    path: s.path, dev: String(stats.dev), ino: String(stats.ino), size: Number(stats.size), mtimeNs: String(stats.mtimeNs),
    end, lines: segments.reduce((n, g) => n + g.lines, 0), fingerprint: prefixFingerprint(log.fd, end), segments,
  };
  const names = [s.indexName, ...segments.map((g) => g.name)];
  if (JSON.stringify(next) !== JSON.stringify(s.index)) writeIndex(join(settings.dir, s.indexName), s.key, next);
  for (const g of s.index?.segments ?? []) if (!names.includes(g.name)) removeFile(join(settings.dir, g.name));
  touchEntries(settings.dir, names);
  evict(settings.dir, settings.maxBytes, new Set(names));
}

/** A gzip log, cached whole by the SHA-256 of its bytes. */
async function* gzipLog(log: Log): AsyncGenerator<CachedChunk, void, undefined> {
  const { file, settings } = log;
  const content = contentHash(log.fd);
  const name = `${sha1(`gzip\n${content}\n${log.params}`)}.seg`;
  const key = `gzip ${content} ${log.params}`;
  const path = join(settings.dir, name);
  const cached = readSegment(path, key);
  if (cached) {
    let lines = 0;
    for (const c of cached) {
      yield replayed(file, lines, c);
      lines += c.parsed.lines;
    }
    safely(() => touchEntries(settings.dir, [name]));
    return;
  }
  const writer = new SegmentWriter(settings.dir, "", log.params, 0, 0, { path, key });
  let done = false;
  try {
    for await (const c of run(parseChunks([file], log.options), 0)) {
      yield c;
      writer.add({ fresh: c.fresh, end: c.end, torn: c.torn, parsed: c.parsed }, c.lineBase);
    }
    done = true;
  } finally {
    if (!done) writer.discard();
  }
  safely(() => {
    const now = statSync(file, { bigint: true });
    if (now.ino !== log.stats.ino || now.size !== log.stats.size || now.mtimeNs !== log.stats.mtimeNs) return writer.discard();
    writer.commit();
    evict(settings.dir, settings.maxBytes, new Set([name]));
  });
}

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

/** Runs a cache write; a cache that cannot be written (permissions, a full disk) leaves the load as it is. */
function safely(write: () => void): void {
  try {
    write();
  } catch {
    // the cache is an optimisation: its failures never fail a load
  }
}
