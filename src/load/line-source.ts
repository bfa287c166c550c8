import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { MetricsSourceError } from "./load-issue";

/** The lines of one chunk of a source: `first` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  file: string;
  first: number;
  lines: string[];
  /** True when the batch's last line is the source's last line and had no final newline. */
  unterminated: boolean;
}

/** The name `-` stands for standard input. */
export const STDIN = "-";

/** The path read when none is given: `$INTERVIEW_METRICS_LOG_PATH`, else `metrics.log`. */
export function defaultLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.INTERVIEW_METRICS_LOG_PATH || "metrics.log";
}

async function* bytes(source: string, highWaterMark: number): AsyncGenerator<Buffer, void, undefined> {
  const stream: Readable = source === STDIN ? process.stdin : createReadStream(source, { highWaterMark });
  let first = true;
  let gunzip: AsyncIterable<Buffer> | undefined;
  const rest = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    const chunk = next.value as Buffer;
    if (first && chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
      // A gzip stream (rotated logs: metrics.log.2.gz), recognised by its magic bytes, not its name.
      const replay = Readable.from((async function* () {
        yield chunk;
        for (;;) {
          const n = await rest.next();
          if (n.done) return;
          yield n.value as Buffer;
        }
      })());
      gunzip = replay.pipe(createGunzip({ chunkSize: highWaterMark }));
      break;
    }
    first = false;
    yield chunk;
  }
  if (gunzip) yield* gunzip;
}

/** A run of whole lines of a source, as bytes in a buffer of its own (so it can be transferred to a worker). */
export interface ByteChunk {
  file: string;
  bytes: Uint8Array;
  /** True for the source's first chunk (which may start with a UTF-8 BOM). */
  first: boolean;
  /** True when the chunk's last line is the source's last line and had no final newline. */
  unterminated: boolean;
}

/**
 * Reads a source (a path, a gzip file, or `-` for stdin) as chunks of whole lines, each about `highWaterMark`
 * bytes, in constant memory. Throws `MetricsSourceError` naming the file when it cannot be read.
 */
export async function* readByteChunks(source: string, options: { highWaterMark?: number } = {}): AsyncGenerator<ByteChunk, void, undefined> {
  const file = source === STDIN ? "<stdin>" : source;
  let carry: Uint8Array = new Uint8Array(0);
  let first = true;
  try {
    for await (const chunk of bytes(source, options.highWaterMark ?? 1 << 20)) {
      const end = chunk.lastIndexOf(10);
      if (end < 0) {
        carry = concat(carry, chunk);
        continue;
      }
      yield { file, bytes: concat(carry, chunk.subarray(0, end + 1)), first, unterminated: false };
      first = false;
      carry = concat(new Uint8Array(0), chunk.subarray(end + 1));
    }
  } catch (error) {
    throw new MetricsSourceError(file, error);
  }
  if (carry.length > 0) yield { file, bytes: carry, first, unterminated: true };
}

/** A new buffer holding `a` then `b`. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The lines of a chunk as text: without a leading UTF-8 BOM (first chunk only) and without the `\r` of CRLF
 * line ends. Blank lines are kept: they count in line numbers.
 */
export function chunkLines(chunk: ByteChunk): string[] {
  const b = chunk.bytes;
  const bom = chunk.first && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const lines = Buffer.from(b.buffer, b.byteOffset + bom, b.length - bom).toString("utf8").split("\n");
  if (!chunk.unterminated) lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/**
 * Reads a source (a path, a `.gz` file, or `-` for stdin) as batches of lines, in constant memory.
 * Strips a UTF-8 BOM and the `\r` of CRLF line ends; blank lines are kept (they count in line numbers).
 * Throws `MetricsSourceError` naming the file when it cannot be read.
 */
export async function* readLineBatches(source: string, options: { highWaterMark?: number } = {}): AsyncGenerator<LineBatch, void, undefined> {
  let next = 1;
  for await (const chunk of readByteChunks(source, options)) {
    const lines = chunkLines(chunk);
    yield { file: chunk.file, first: next, lines, unterminated: chunk.unterminated };
    next += lines.length;
  }
}
