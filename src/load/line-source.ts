import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
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

/**
 * Reads a source (a path, a `.gz` file, or `-` for stdin) as batches of lines, in constant memory.
 * Strips a UTF-8 BOM and the `\r` of CRLF line ends; blank lines are kept (they count in line numbers).
 * Throws `MetricsSourceError` naming the file when it cannot be read.
 */
export async function* readLineBatches(source: string, options: { highWaterMark?: number } = {}): AsyncGenerator<LineBatch, void, undefined> {
  const file = source === STDIN ? "<stdin>" : source;
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let next = 1;
  let start = true;
  try {
    for await (const chunk of bytes(source, options.highWaterMark ?? 1 << 20)) {
      let text = carry + decoder.write(chunk);
      if (start && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        start = false;
      }
      const lines = text.split("\n");
      carry = lines.pop()!;
      if (lines.length === 0) continue;
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
      }
      yield { file, first: next, lines, unterminated: false };
      next += lines.length;
    }
  } catch (error) {
    throw new MetricsSourceError(file, error);
  }
  carry += decoder.end();
  if (start && carry.charCodeAt(0) === 0xfeff) carry = carry.slice(1);
  if (carry.length > 0) {
    yield { file, first: next, lines: [carry.endsWith("\r") ? carry.slice(0, -1) : carry], unterminated: true };
  }
}
