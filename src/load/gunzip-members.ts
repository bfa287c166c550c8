import { createInflateRaw, crc32 } from "node:zlib";
import { finished } from "node:stream";
import type { SourceProblem } from "./line-source";

/**
 * The input of a gzip file as a queue of buffers: what a member's inflater read past its end is put back for the
 * next member. `offset` counts the compressed bytes consumed so far (for messages).
 */
class ByteReader {
  private queue: Buffer[] = [];
  private done = false;
  offset = 0;
  constructor(private readonly source: AsyncIterator<Buffer>, head: Buffer) {
    if (head.length > 0) this.queue.push(head);
  }
  /** The next buffer (counted as consumed), or `undefined` at the end of the input. */
  async next(): Promise<Buffer | undefined> {
    let b = this.queue.shift();
    if (b === undefined && !this.done) {
      const n = await this.source.next();
      if (n.done) this.done = true;
      else b = n.value;
    }
    if (b !== undefined) this.offset += b.length;
    return b;
  }
  /** Puts the end of the last buffer back (it was not consumed). */
  unread(b: Buffer): void {
    if (b.length === 0) return;
    this.queue.unshift(b);
    this.offset -= b.length;
  }
  /** Exactly `n` bytes, or fewer when the input ends first. */
  async take(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const b = await this.next();
      if (b === undefined) break;
      const use = Math.min(b.length, n - got);
      parts.push(b.subarray(0, use));
      this.unread(b.subarray(use));
      got += use;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
  /** Skips a zero-terminated field of the header; `false` when the input ends first. */
  async skipZeroTerminated(): Promise<boolean> {
    for (;;) {
      const b = await this.next();
      if (b === undefined) return false;
      const zero = b.indexOf(0);
      if (zero >= 0) {
        this.unread(b.subarray(zero + 1));
        return true;
      }
    }
  }
}

const truncated = (detail: string): SourceProblem => ({
  code: "gzip_truncated", severity: "error", message: `the gzip data ends early (${detail}; a truncated file?): the file's reading stops here`,
});
const corrupt = (detail: string): SourceProblem => ({
  code: "gzip_corrupt", severity: "error", message: `the gzip data is damaged (${detail}): the file's reading stops here`,
});

/** Reads one member's header (RFC 1952). `"end"` when the input is over, a problem when it is not a header. */
async function readHeader(r: ByteReader, member: number): Promise<"ok" | "end" | SourceProblem> {
  const at = r.offset;
  const h = await r.take(10);
  if (h.length === 0) return "end";
  if (h.length < 2 || h[0] !== 0x1f || h[1] !== 0x8b) {
    return { code: "gzip_trailing_garbage", severity: "warning", message: `the bytes from compressed offset ${at} on, after gzip member ${member}, are not gzip data: ignored, as gzip -d does` };
  }
  if (h.length < 10) return truncated(`in the header of member ${member + 1}`);
  if (h[2] !== 8 || (h[3] & 0xe0) !== 0) return corrupt(`member ${member + 1} has an unknown method or flags at compressed offset ${at}`);
  const flags = h[3];
  if (flags & 4) {
    const x = await r.take(2);
    const xlen = x.length === 2 ? x[0] | (x[1] << 8) : -1;
    if (xlen < 0 || (await r.take(xlen)).length < xlen) return truncated(`in the header of member ${member + 1}`);
  }
  for (const bit of [8, 16]) if (flags & bit && !(await r.skipZeroTerminated())) return truncated(`in the header of member ${member + 1}`);
  if (flags & 2 && (await r.take(2)).length < 2) return truncated(`in the header of member ${member + 1}`);
  return "ok";
}

/**
 * Compressed bytes are fed to the inflater in pieces that end at multiples of this offset in the file, and its output
 * comes in pieces of `OUTPUT_CHUNK`: what a damaged member still gives before zlib stops is then the same whatever
 * the read size (`highWaterMark`) or the consumer's pace. A piece's output is at most ~1032 × its size (deflate's
 * largest ratio): 16 MiB, the memory bound of a member of NUL bytes.
 */
const INPUT_PIECE = 16 << 10;
const OUTPUT_CHUNK = 64 << 10;

/**
 * Inflates one member's deflate data, yielding its output, and puts back what follows it (the trailer, the next
 * member). Throws zlib's error (`Z_BUF_ERROR` when the file ends inside the member, `Z_DATA_ERROR` for bad data)
 * after yielding everything decoded before it.
 */
async function* inflateMember(r: ByteReader): AsyncGenerator<Buffer, void, undefined> {
  const inflater = createInflateRaw({ chunkSize: OUTPUT_CHUNK });
  const out: Buffer[] = [];
  let failure: unknown;
  inflater.on("data", (b: Buffer) => out.push(b)); // flowing: each output piece arrives as it is pushed
  inflater.on("error", (e) => (failure ??= e));
  inflater.resume();
  // Waits for `run`'s callback, or for the inflater to fail (after an error it may never call back).
  const settle = (run: (done: (e?: unknown) => void) => void) =>
    new Promise<void>((resolve) => {
      const done = (e?: unknown) => {
        if (e) failure ??= e;
        inflater.off("close", done);
        resolve();
      };
      inflater.once("close", done);
      run(done);
    });
  try {
    for (let fed = 0; ;) {
      const b = await r.take(INPUT_PIECE - (r.offset % INPUT_PIECE));
      if (b.length === 0) {
        // The file ends: finish the member (an error when it is incomplete; all it decoded has been pushed already).
        inflater.end();
        await settle((done) => finished(inflater, done));
        yield* out.splice(0);
        if (failure) throw failure;
        return;
      }
      await settle((done) => inflater.write(b, (e) => done(e ?? undefined)));
      yield* out.splice(0);
      if (failure) throw failure;
      fed += b.length;
      const left = fed - inflater.bytesWritten;
      if (left > 0) {
        r.unread(b.subarray(b.length - left));
        return;
      }
    }
  } finally {
    inflater.destroy();
  }
}

/**
 * Decompresses a gzip file member after member, like `gzip -d` (several members: `cat a.gz b.gz`, log rotators),
 * yielding the decompressed bytes as they come, in bounded memory (see `INPUT_PIECE`). Each member's CRC-32 and length are checked.
 * Returns the problem that ended the reading early: `gzip_truncated` (the data ends inside a member), `gzip_corrupt`
 * (bad deflate data, CRC or length) or `gzip_trailing_garbage` (bytes after the last member that are not gzip, a
 * warning); `undefined` when the file was read to its end.
 *
 * @example
 * for await (const b of gunzipMembers(stream[Symbol.asyncIterator](), Buffer.alloc(0))) out.push(b);
 */
export async function* gunzipMembers(source: AsyncIterator<Buffer>, head: Buffer): AsyncGenerator<Buffer, SourceProblem | undefined, undefined> {
  const r = new ByteReader(source, head);
  for (let member = 0; ; member++) {
    const header = await readHeader(r, member);
    if (header === "end") return member === 0 ? truncated("no gzip member") : undefined;
    if (header !== "ok") return header;
    let crc = 0;
    let size = 0;
    try {
      for await (const out of inflateMember(r)) {
        crc = crc32(out, crc);
        size = (size + out.length) % 2 ** 32;
        yield out;
      }
    } catch (error) {
      const e = error as { code?: string; message?: string };
      return e.code === "Z_BUF_ERROR" ? truncated(`inside member ${member + 1}`) : corrupt(`member ${member + 1}: ${e.message ?? String(error)}`);
    }
    const trailer = await r.take(8);
    if (trailer.length < 8) return truncated(`in the trailer of member ${member + 1}`);
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== size) return corrupt(`member ${member + 1} fails its CRC-32 or length check`);
  }
}
