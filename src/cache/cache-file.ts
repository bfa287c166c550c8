import { closeSync, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { crc32 } from "node:zlib";
import { OutputFile } from "../io/output-file";
import { CACHE_FORMAT } from "./parser-identity";

// A cache file: MAGIC, the format (u32), the key's length (u32) and the key (UTF-8), then records — each its
// length (u32), its CRC-32 (u32) and its bytes — and a trailer record of length TRAILER whose CRC field holds the
// record count. A file that does not follow this to its last byte, or whose key differs, is not the cache's.
const MAGIC = Buffer.from("IMKCACHE");
const TRAILER = 0xffffffff;

/** A cache file that cannot be trusted: foreign, of another format or key, truncated or damaged. */
export class CacheFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = "CacheFileError";
  }
}

/**
 * Writes a cache file atomically (`OutputFile` without fsync: a cache file lost or torn by a crash is detected on
 * reading and rebuilt): records go to a temporary file beside it, and `commit` renames it into place; `discard`
 * removes it.
 *
 * @example const w = CacheWriter.open(path, key); w.record(bytes); w.commit();
 */
export class CacheWriter {
  private count = 0;
  private constructor(private readonly out: OutputFile) {}

  static open(file: string, key: string): CacheWriter {
    const w = new CacheWriter(OutputFile.open(file, { force: true, sync: false }));
    const k = Buffer.from(key);
    const head = Buffer.alloc(MAGIC.length + 8);
    MAGIC.copy(head);
    head.writeUInt32LE(CACHE_FORMAT, MAGIC.length);
    head.writeUInt32LE(k.length, MAGIC.length + 4);
    w.out.write(head);
    w.out.write(k);
    return w;
  }

  /** Appends one record. */
  record(bytes: Uint8Array): void {
    this.out.write(this.recordHead(bytes));
    this.out.write(bytes);
  }

  /**
   * Appends records without blocking the thread, in one `writev` (see `OutputFile.writeLater`; libuv writes past
   * the system's iovec limit in the same request; their CRCs are taken here, first): the caller goes on meanwhile,
   * and must not change the records' bytes until it resolves. One request, not batches, so that the thread pool
   * writes all of them while the caller's synchronous work (building the tables) runs: on the bench log's
   * 1,300 arrays a cold `summary` took 8.58 → 8.36 s (medians of 4, alternating with batches of 256).
   */
  async recordsLater(records: readonly Uint8Array[]): Promise<void> {
    const heads = records.map((r) => this.recordHead(r));
    await this.out.writeLater(records.flatMap((r, k) => [heads[k], r]));
  }

  private recordHead(bytes: Uint8Array): Buffer {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(bytes.length, 0);
    head.writeUInt32LE(crc32(bytes), 4);
    this.count++;
    return head;
  }

  /** Ends the file and renames it into place. */
  commit(): void {
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(TRAILER, 0);
    trailer.writeUInt32LE(this.count, 4);
    this.out.write(trailer);
    this.out.commit();
  }

  /** Deletes the temporary file. Safe after `commit`. */
  discard(): void {
    this.out.discard();
  }
}

/**
 * The records of a cache file whose key is `key`, each checked against its CRC. Throws `CacheFileError` for
 * a file that is not exactly that (and the file system's error when it cannot be opened).
 *
 * @example for (const bytes of readCacheFile(path, key)) v8.deserialize(bytes);
 */
export function* readCacheFile(file: string, key: string): Generator<Buffer, void, undefined> {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    let pos = 0;
    const read = (n: number): Buffer => {
      if (pos + n > size) throw new CacheFileError(file, "truncated");
      const b = Buffer.allocUnsafe(n);
      for (let got = 0; got < n; ) {
        const r = readSync(fd, b, got, n - got, pos + got);
        if (r === 0) throw new CacheFileError(file, "truncated");
        got += r;
      }
      pos += n;
      return b;
    };
    const head = read(MAGIC.length + 8);
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new CacheFileError(file, "not a cache file");
    if (head.readUInt32LE(MAGIC.length) !== CACHE_FORMAT) throw new CacheFileError(file, "another cache format");
    const keyLength = head.readUInt32LE(MAGIC.length + 4);
    if (keyLength !== Buffer.byteLength(key) || !read(keyLength).equals(Buffer.from(key))) throw new CacheFileError(file, "another key");
    for (let count = 0; ; count++) {
      const rec = read(8);
      const length = rec.readUInt32LE(0);
      if (length === TRAILER) {
        if (rec.readUInt32LE(4) !== count || pos !== size) throw new CacheFileError(file, "bad trailer");
        return;
      }
      const bytes = read(length);
      if (crc32(bytes) !== rec.readUInt32LE(4)) throw new CacheFileError(file, "damaged record");
      yield bytes;
    }
  } finally {
    closeSync(fd);
  }
}

/** Deletes a file; one already gone is fine. @example removeFile("/cache/ab….seg") */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
