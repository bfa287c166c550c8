import { Worker } from "node:worker_threads";
import { statSync } from "node:fs";
import { readByteChunks, type ByteChunk, type ByteChunkOptions } from "./line-source";
import { sourceKind } from "./source-kind";
import { parseChunk, type ParsedChunk } from "./parse-chunk";
import { Interner, PARSER_INTERNER_CHARS } from "../store/interner";
import { defaultWorkers, workerScript } from "../io/worker-script";

/** Options of `parseChunks`. */
export interface ParseChunksOptions extends Pick<ByteChunkOptions, "maxLineBytes" | "start" | "end"> {
  /**
   * Worker threads that parse and validate chunks in parallel. Default: one per core, at most 4, and none on a
   * one-core machine, nor when the files hold under `INLINE_BYTES` to parse (the bytes a grown log adds); `0`
   * parses on the calling thread. The first chunks are always parsed on the calling thread, so a small log never
   * waits for a worker to start.
   */
  workers?: number;
  /** Chunk size in bytes. Default 1 MiB; chunks over 4 MiB are parsed on the calling thread, not on a worker. */
  highWaterMark?: number;
}

/** A parsed chunk with where it lies: its lines are `lineBase + 1 …` of `file`. */
export interface LocatedChunk {
  file: string;
  lineBase: number;
  parsed: ParsedChunk;
  /** Byte offset in the source just after the chunk's lines (see `ByteChunk.end`). */
  end: number;
  /** The chunk is the source's last line, without its final newline (see `ByteChunk.unterminated`). */
  torn: boolean;
}

/** Chunks parsed on the calling thread before any worker starts (a log this small never starts one). */
const INLINE_CHUNKS = 2;
/**
 * Bytes to parse under which no worker is started: a worker loads its modules and warms up for ~0.1–0.3 s, in which
 * the calling thread parses several MB. Measured on 2 cores (parseChunks alone, the bench log's first bytes):
 * 8 MB 223 ms on the calling thread against 455 ms with 2 workers, 16 MB 350 against 610, 32 MB 557 against 780,
 * 64 MB 999 against 1,023.
 */
export const INLINE_BYTES = 32 << 20;
/** Chunks queued per worker: enough to keep it busy while the caller takes results, few enough to bound memory. */
const QUEUE_PER_WORKER = 2;
/**
 * A worker's heap. A worker keeps little (its bounded dictionary, one chunk's rows), but V8's defaults let its
 * garbage grow to ~100 MB before collecting; a small young generation has the chunk's rows collected while they are
 * young. Measured on a 692 MB log with 2 workers: peak RSS of the whole load 566 → ~430 MB, parse ~10% slower (with
 * 8 MB). On the 784 MB bench log (2026-12-02): young generation 8 MB 8.35 s, 413 MB; 16 MB 7.65 s, 432 MB; 24 MB
 * 7.76 s, 436 MB; 32 MB 7.42 s, 482 MB (the join, whole process). Again at 16:25, cold `summary`, three runs each:
 * 16 MB 9.02–9.57 s, ~430 MB; 24 MB 9.03–9.34 s, ~435 MB; 32 MB 8.68–9.15 s, 472–488 MB; 48 MB ~9.1 s, ~480 MB;
 * 64 MB ~9.7 s, ~540 MB. 32 MB would be ~5% faster, but its ~50 MB more would take the join's peak RSS past 2.5×
 * the baseline's (the bench's target), so 16 MB stays.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 };
/**
 * A chunk this large (a huge line, or a large `highWaterMark`) is parsed on the calling thread, whose heap is not
 * limited. A worker's live heap is then the chunk's text as JS strings, its columns and a dictionary of at most 2^20
 * characters: measured, chunks of 4 MiB parse within a 24 MB old generation (not within 16 MB), well inside
 * `WORKER_LIMITS`.
 */
const MAX_WORKER_CHUNK = 4 << 20;

/**
 * Reads sources as chunks of whole lines and parses each (`parseChunk`) on worker threads, yielding the results in
 * line order with their location. Throws `MetricsSourceError` when a source cannot be read; an error in a worker
 * is rethrown here. Stopping early (break, throw) ends the workers.
 */
export async function* parseChunks(sources: readonly string[], options: ParseChunksOptions = {}): AsyncGenerator<LocatedChunk, void, undefined> {
  const pool = new WorkerPool(options.workers ?? (bytesToParse(sources, options) < INLINE_BYTES ? 0 : defaultWorkers()));
  const dictionary = new Interner({ id: 0, maxChars: PARSER_INTERNER_CHARS }); // the calling thread's; workers number theirs from 1
  const pending: { file: string; source: number; end: number; torn: boolean; result: Promise<ParsedChunk> }[] = [];
  let seen = 0;
  let source = -1;
  let lineBase = 0;
  const take = async (): Promise<LocatedChunk> => {
    const next = pending.shift()!;
    if (next.source !== source) [source, lineBase] = [next.source, 0];
    const parsed = await next.result;
    const located = { file: next.file, lineBase, parsed, end: next.end, torn: next.torn };
    lineBase += parsed.lines;
    return located;
  };
  try {
    for (let s = 0; s < sources.length; s++) {
      for await (const chunk of readByteChunks(sources[s], options)) {
        const [end, torn] = [chunk.end ?? 0, chunk.unterminated]; // read before the bytes are transferred
        const inline = pool.size === 0 || seen++ < INLINE_CHUNKS || chunk.bytes.length > MAX_WORKER_CHUNK;
        const result = inline ? Promise.resolve(parseChunk(chunk, dictionary)) : pool.run(chunk);
        result.catch(() => {}); // awaited in order below; this only keeps a worker's failure from going unhandled meanwhile
        pending.push({ file: chunk.file, source: s, end, torn, result });
        while (pending.length > Math.max(1, pool.size * QUEUE_PER_WORKER)) yield await take();
      }
    }
    while (pending.length > 0) yield await take();
  } finally {
    await pool.close();
  }
}

/**
 * The bytes `parseChunks` will read of plain files (a .gz file counts its compressed size); `Infinity` for stdin, a
 * stream (a FIFO: its size is unknown; see `sourceKind`) or a file that cannot be read.
 */
export function bytesToParse(sources: readonly string[], options: ParseChunksOptions): number {
  let bytes = 0;
  for (const source of sources) {
    try {
      const size = sourceKind(source) === "file" ? statSync(source).size : Infinity;
      bytes += Math.max(0, Math.min(options.end ?? size, size) - (options.start ?? 0));
    } catch {
      return Infinity; // reported when the source is read
    }
  }
  return bytes;
}

/** Worker threads running `parseChunk`, started on first use, fed round-robin; results come back in order per worker. */
class WorkerPool {
  private workers: { worker: Worker; waiting: { resolve(p: ParsedChunk): void; reject(e: unknown): void }[] }[] = [];
  private next = 0;
  constructor(readonly size: number) {}

  run(chunk: ByteChunk): Promise<ParsedChunk> {
    if (this.workers.length < this.size) this.workers.push(this.start());
    const w = this.workers[this.next++ % this.size];
    return new Promise((resolve, reject) => {
      w.waiting.push({ resolve, reject });
      w.worker.postMessage(chunk, [chunk.bytes.buffer as ArrayBuffer]);
    });
  }

  private start() {
    const waiting: { resolve(p: ParsedChunk): void; reject(e: unknown): void }[] = [];
    const [script, options] = workerScript("load", "chunk-worker");
    const worker = new Worker(script, { ...options, workerData: { dictionary: this.workers.length + 1 }, resourceLimits: WORKER_LIMITS });
    const fail = (error: unknown) => {
      for (const w of waiting.splice(0)) w.reject(error);
    };
    worker.on("message", (parsed: ParsedChunk) => waiting.shift()?.resolve(parsed));
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`a parsing worker stopped (exit code ${code})`)));
    return { worker, waiting };
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
