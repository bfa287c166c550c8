import { serialize, deserialize } from "node:v8";
import { z } from "zod";
import type { ParsedChunk } from "../load/parse-chunk";
import { isStoreChunk } from "../store/store-chunk";
import { CacheWriter, readCacheFile } from "./cache-file";

/** A cache file of parsed chunks: the lines of bytes `from … to` of a log, `lines` lines. */
export const SegmentRef = z.object({
  name: z.string().regex(/^[0-9a-f]{40}\.[0-9a-f]{10}\.seg$/),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
});
export type SegmentRef = z.infer<typeof SegmentRef>;

/**
 * What the cache knows of a plain log: the file it read (device, inode, size, mtime in ns), how far its cached
 * data goes (`end`, after the last newline read; `lines` lines), the fingerprint of those bytes, the snapshot of its
 * data up to some byte, and the segments holding the chunks parsed after it (appends since), in order.
 */
export const LogIndex = z.object({
  path: z.string(),
  dev: z.string(),
  ino: z.string(),
  size: z.number().int().nonnegative(),
  mtimeNs: z.string(),
  end: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
  fingerprint: z.string(),
  /** The snapshot of the log's data up to byte `to` (`lines` lines), when there is one; the segments follow it. */
  snapshot: z.object({ name: z.string().regex(/^[0-9a-f]{40}\.[0-9a-f]{10}\.snap$/), to: z.number().int().nonnegative(), lines: z.number().int().nonnegative() }).optional(),
  segments: z.array(SegmentRef),
});
export type LogIndex = z.infer<typeof LogIndex>;

/**
 * A log's index, or `undefined` when it is missing or not to be trusted (foreign, damaged, another key).
 *
 * @example readIndex("/cache/ab….idx", key)?.segments.length
 */
export function readIndex(file: string, key: string): LogIndex | undefined {
  try {
    const records = [...readCacheFile(file, key)];
    if (records.length !== 1) return undefined;
    const index = LogIndex.safeParse(JSON.parse(records[0].toString("utf8")));
    return index.success ? index.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a log's index atomically. @example writeIndex("/cache/ab….idx", key, index) */
export function writeIndex(file: string, key: string, index: LogIndex): void {
  const w = CacheWriter.open(file, key);
  try {
    w.record(Buffer.from(JSON.stringify(index)));
    w.commit();
  } finally {
    w.discard();
  }
}

/** A parsed chunk as the cache keeps it. `fresh`: its codes start a new run of dictionaries (see `openCachedLog`). */
export interface StoredChunk {
  fresh: boolean;
  end: number;
  torn: boolean;
  parsed: ParsedChunk;
}

/** Serialises a chunk into one record (structured clone: typed arrays, maps and strings as they are). */
export function chunkRecord(chunk: StoredChunk): Buffer {
  return serialize(chunk);
}

/**
 * Every chunk of a segment file, checked (CRCs, then each chunk's shape), or `undefined` when it cannot be read or
 * trusted: a segment is replayed whole or not at all.
 *
 * @example readSegment("/cache/ab….seg", key)?.length // chunks
 */
export function readSegment(file: string, key: string): StoredChunk[] | undefined {
  try {
    const chunks: StoredChunk[] = [];
    for (const record of readCacheFile(file, key)) {
      const c = deserialize(record) as StoredChunk;
      if (!isStoredChunk(c)) return undefined;
      chunks.push(c);
    }
    return chunks;
  } catch {
    return undefined;
  }
}

function isStoredChunk(c: StoredChunk): boolean {
  if (typeof c !== "object" || c === null || typeof c.fresh !== "boolean" || typeof c.torn !== "boolean" || !Number.isSafeInteger(c.end)) return false;
  const p = c.parsed;
  if (typeof p !== "object" || p === null || !Number.isSafeInteger(p.lines) || !Array.isArray(p.issues) || !(p.drift instanceof Map)) return false;
  return isStoreChunk(p.columns);
}
