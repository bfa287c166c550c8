import { createReadStream } from "node:fs";
import { isAscii, isUtf8 } from "node:buffer";
import type { Readable } from "node:stream";
import { MetricsSourceError, type IssueCode, type Severity } from "./load-issue";
import { LineSplitter } from "./line-splitter";
import { gunzipMembers } from "./gunzip-members";
import { decodeMarked } from "./utf8";
import { sourceKind, STDIN } from "./source-kind";

export { STDIN } from "./source-kind";

/**
 * The default bound on a line's length: 8 MiB, a few MiB above the largest row the backend writes (its rows are a
 * few kB: comments, tags, tasks and timeline are short; the generator's longest, over every scenario, is 1.4 kB).
 */
export const MAX_LINE_BYTES = 8 << 20;

/** The path read when none is given: `$INTERVIEW_METRICS_LOG_PATH`, else `metrics.log`. */
export function defaultLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.INTERVIEW_METRICS_LOG_PATH || "metrics.log";
}

/** Why a source's reading ended early, or what it ignored (a gzip problem): an issue at the line reached. */
export interface SourceProblem {
  code: Extract<IssueCode, "gzip_truncated" | "gzip_corrupt" | "gzip_trailing_garbage">;
  severity: Severity;
  message: string;
}

/** A line of a chunk longer than the bound: the chunk holds only its last `limit` bytes. */
export interface LongLine {
  /** 0-based index of the line in the chunk. */
  index: number;
  /** The line's whole length in bytes (without its newline). */
  bytes: number;
  limit: number;
}

/** A run of whole lines of a source, as bytes in a buffer of its own (so it can be transferred to a worker). */
export interface ByteChunk {
  file: string;
  bytes: Uint8Array;
  /** True for the source's first chunk (which may start with a UTF-8 BOM). */
  first: boolean;
  /** True when the chunk's last line is the source's last line and had no final newline. */
  unterminated: boolean;
  /** Lines over `maxLineBytes`, cut to their last bytes. */
  long?: LongLine[];
  /** On the source's last chunk: what ended its reading early (reported at the line reached). */
  problem?: SourceProblem;
  /** Byte offset in the source just after the chunk's lines (in the decompressed bytes for gzip). */
  end?: number;
}

/** Options of `readByteChunks`. */
export interface ByteChunkOptions {
  /** Read size in bytes. Default 1 MiB. */
  highWaterMark?: number;
  /** A line longer than this many bytes is reported as `line_too_long` and skipped unread. Default `MAX_LINE_BYTES` (8 MiB). */
  maxLineBytes?: number;
  /**
   * Byte offset to start reading a plain file at (a line's start; the cache's resumed reads). From an offset above 0
   * the bytes are never taken for gzip nor the first chunk for the file's first (no BOM). Default 0.
   */
  start?: number;
  /** Byte offset to stop reading a plain file at (exclusive). Default: its end. */
  end?: number;
}

/**
 * The bytes of a source: the file, or its decompressed members when it starts with gzip's magic bytes (rotated logs:
 * metrics.log.2.gz, recognised by content, not name). Returns the gzip problem that ended it early, if any. A source
 * that is not a regular file (stdin, a FIFO, `<(…)`; see `sourceKind`) is read once from its start: it has no ranges.
 */
async function* sourceBytes(source: string, highWaterMark: number, range: { start: number; end?: number }): AsyncGenerator<Buffer, SourceProblem | undefined, undefined> {
  if (range.end !== undefined && range.end <= range.start) return undefined;
  const stream = openSource(source, highWaterMark, range);
  const rest = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    let head: Buffer = Buffer.alloc(0);
    while (head.length < 2) {
      const n = await rest.next();
      if (n.done) break;
      head = head.length === 0 ? n.value : Buffer.concat([head, n.value]);
    }
    if (range.start === 0 && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return yield* coalesce(gunzipMembers(rest, head), highWaterMark);
    if (head.length > 0) yield head;
    for (;;) {
      const n = await rest.next();
      if (n.done) return undefined;
      yield n.value;
    }
  } finally {
    if (stream !== process.stdin) stream.destroy();
  }
}

/** The stream of a source's bytes (see `sourceBytes`). Throws for a folder, and for a range of a stream. */
function openSource(source: string, highWaterMark: number, range: { start: number; end?: number }): Readable {
  const kind = sourceKind(source);
  if (kind === "folder") throw new Error("it is a folder");
  if (kind === "stdin") return process.stdin;
  if (kind === "stream") {
    if (range.start > 0 || range.end !== undefined) throw new Error("a range of a stream cannot be read (it is not a regular file)");
    return createReadStream(source, { highWaterMark });
  }
  return createReadStream(source, { highWaterMark, start: range.start, end: range.end === undefined ? undefined : range.end - 1 });
}

/** Joins small buffers into ones of about `size` bytes (zlib's output pieces are small: chunks stay ~1 MiB). */
async function* coalesce<R>(source: AsyncGenerator<Buffer, R, undefined>, size: number): AsyncGenerator<Buffer, R, undefined> {
  let parts: Buffer[] = [];
  let held = 0;
  for (;;) {
    const next = await source.next();
    if (next.done || held + next.value.length > size) {
      if (held > 0) yield parts.length === 1 ? parts[0] : Buffer.concat(parts, held);
      [parts, held] = [[], 0];
    }
    if (next.done) return next.value;
    parts.push(next.value);
    held += next.value.length;
  }
}

/**
 * Reads a source (a path, a gzip file of one or more members, or `-` for stdin) as chunks of whole lines, each about
 * `highWaterMark` bytes, in constant memory and linear time: a line over `maxLineBytes` is never held whole (the
 * chunk lists it in `long`). A gzip problem (truncation, damage, trailing garbage) ends the source with a chunk
 * carrying `problem`. Throws `MetricsSourceError` naming the file when it cannot be read.
 *
 * @example
 * for await (const chunk of readByteChunks("metrics.log.2.gz")) chunkLines(chunk).lines.length;
 */
export async function* readByteChunks(source: string, options: ByteChunkOptions = {}): AsyncGenerator<ByteChunk, void, undefined> {
  const file = source === STDIN ? "<stdin>" : source;
  const splitter = new LineSplitter(file, options.maxLineBytes ?? MAX_LINE_BYTES);
  const start = options.start ?? 0;
  const bytes = sourceBytes(source, options.highWaterMark ?? 1 << 20, { start, end: options.end });
  let problem: SourceProblem | undefined;
  let read = start;
  try {
    for (;;) {
      const next = await bytes.next();
      if (next.done) {
        problem = next.value;
        break;
      }
      const piece = next.value;
      const chunk = splitter.push(piece);
      read += piece.length;
      if (chunk) {
        // The chunk ends at the piece's last newline.
        chunk.end = read - (piece.length - 1 - piece.lastIndexOf(10));
        if (start > 0) chunk.first = false;
        yield chunk;
      }
    }
  } catch (error) {
    throw new MetricsSourceError(file, error);
  } finally {
    await bytes.return(undefined);
  }
  const last = splitter.end(problem);
  if (last) {
    last.end = read;
    if (start > 0) last.first = false;
    yield last;
  }
}

/** A chunk's lines as text, and which of them held bytes that are not UTF-8 (decoded with `INVALID_UTF8` marks). */
export interface ChunkText {
  lines: string[];
  invalidUtf8?: Set<number>;
}

/**
 * The lines of a chunk as text: without a leading UTF-8 BOM (first chunk only) and without the `\r` of CRLF
 * line ends. Blank lines are kept: they count in line numbers. Bytes that are not UTF-8 are decoded as
 * `INVALID_UTF8` (never as U+FFFD, which a log may hold) and their lines listed.
 *
 * @example chunkLines({ file: "a", bytes: Buffer.from("{}\r\n\n"), first: true, unterminated: false }) // { lines: ["{}", ""] }
 */
export function chunkLines(chunk: ByteChunk): ChunkText {
  const b = chunk.bytes;
  const bom = chunk.first && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const bytes = Buffer.from(b.buffer, b.byteOffset + bom, b.length - bom);
  const text: ChunkText = isUtf8(bytes) ? { lines: utf8Lines(bytes) } : markedLines(bytes);
  const lines = text.lines;
  if (!chunk.unterminated) lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
  return text;
}

/**
 * The lines of well-formed UTF-8, as `toString("utf8").split("\n")` gives them, each decoded alone: a line of ASCII
 * (most media reports) as Latin-1, which is the same text for it, read ~20× faster, and a one-byte string, half the
 * memory of the two-byte string a whole chunk becomes when any of its lines holds another script. A newline byte is
 * never part of a multi-byte sequence, so the lines decode as the chunk would.
 */
function utf8Lines(bytes: Buffer): string[] {
  const lines: string[] = [];
  for (let pos = 0; ; ) {
    const newline = bytes.indexOf(10, pos);
    const end = newline < 0 ? bytes.length : newline;
    lines.push(bytes.toString(isAscii(bytes.subarray(pos, end)) ? "latin1" : "utf8", pos, end));
    if (newline < 0) return lines;
    pos = newline + 1;
  }
}

/** The slow path of `chunkLines`, for a chunk that is not all UTF-8: line by line. */
function markedLines(bytes: Buffer): ChunkText {
  const lines: string[] = [];
  const invalidUtf8 = new Set<number>();
  for (let pos = 0; ; ) {
    const newline = bytes.indexOf(10, pos);
    const line = bytes.subarray(pos, newline < 0 ? bytes.length : newline);
    if (isUtf8(line)) lines.push(line.toString("utf8"));
    else {
      invalidUtf8.add(lines.length);
      lines.push(decodeMarked(line));
    }
    if (newline < 0) return { lines, invalidUtf8 };
    pos = newline + 1;
  }
}
