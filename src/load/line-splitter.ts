import type { ByteChunk, LongLine } from "./line-source";

const NEWLINE = new Uint8Array([10]);

/**
 * Cuts a stream of bytes into chunks of whole lines, in time linear in the bytes whatever the lines' lengths: each
 * byte is copied once, into the chunk that ends its line. A line longer than `maxLineBytes` is never held whole:
 * only its last `maxLineBytes` bytes are kept (a row written after NUL padding or a torn write on the same line can
 * be recovered from them) and the chunk lists it in `long`.
 *
 * @example
 * const s = new LineSplitter("a.log", 8);
 * s.push(Buffer.from("{}\nxxxxxxxxxxxx")); // { bytes: "{}\n", … }
 * s.push(Buffer.from("xx\n"));             // { bytes: "xxxxxxxx\n", long: [{ index: 0, bytes: 14, limit: 8 }], … }
 * s.end();                                 // undefined (nothing pending)
 */
export class LineSplitter {
  /** The pending (unterminated) line's bytes, or for a long one its last bytes. */
  private pieces: Uint8Array[] = [];
  private held = 0;
  /** Bytes of the pending line, dropped ones included. */
  private length = 0;
  private first = true;
  constructor(readonly file: string, readonly maxLineBytes: number) {}

  /** Takes the next bytes of the source; returns the lines they complete as a chunk, or `undefined`. */
  push(bytes: Uint8Array): ByteChunk | undefined {
    const firstNewline = bytes.indexOf(10);
    if (firstNewline < 0) {
      this.extend(bytes);
      return undefined;
    }
    const parts: Uint8Array[] = [];
    const long: LongLine[] = [];
    let start = 0;
    if (this.length > 0) {
      this.extend(bytes.subarray(0, firstNewline));
      this.takeLine(parts, long);
      parts.push(NEWLINE);
      start = firstNewline + 1;
    }
    const last = bytes.lastIndexOf(10);
    if (last >= start) {
      const body = bytes.subarray(start, last + 1);
      // A line inside `body` is no longer than `body`: only a body over the bound needs its lines measured.
      if (body.length <= this.maxLineBytes) parts.push(body);
      else this.splitLong(body, start > 0 ? 1 : 0, parts, long);
    }
    this.extend(bytes.subarray(last + 1));
    return this.chunk(parts, long, false);
  }

  /** The source's end: its unterminated last line, if any, as a last chunk carrying `problem`. */
  end(problem?: ByteChunk["problem"]): ByteChunk | undefined {
    if (this.length === 0) return problem ? { ...this.chunk([], [], false), problem } : undefined;
    const parts: Uint8Array[] = [];
    const long: LongLine[] = [];
    this.takeLine(parts, long);
    return { ...this.chunk(parts, long, true), ...(problem ? { problem } : {}) };
  }

  /** Adds bytes to the pending line, keeping only its last `maxLineBytes` (plus one piece) once it is over. */
  private extend(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.held += piece.length;
    this.length += piece.length;
    while (this.length > this.maxLineBytes && this.pieces.length > 1 && this.held - this.pieces[0].length >= this.maxLineBytes) {
      this.held -= this.pieces.shift()!.length;
    }
  }

  /** Moves the pending line (index 0 of the chunk being built) into `parts`; its last bytes only when long. */
  private takeLine(parts: Uint8Array[], long: LongLine[]): void {
    if (this.length > this.maxLineBytes) {
      const tail = concat(this.pieces, this.held);
      parts.push(tail.subarray(tail.length - this.maxLineBytes));
      long.push({ index: 0, bytes: this.length, limit: this.maxLineBytes });
    } else {
      for (const p of this.pieces) parts.push(p);
    }
    this.pieces = [];
    this.held = 0;
    this.length = 0;
  }

  /** Adds whole lines (`body` ends with a newline) to `parts`, long ones cut to their last bytes. */
  private splitLong(body: Uint8Array, firstIndex: number, parts: Uint8Array[], long: LongLine[]): void {
    let run = 0;
    for (let pos = 0, index = firstIndex; pos < body.length; index++) {
      const newline = body.indexOf(10, pos);
      if (newline - pos > this.maxLineBytes) {
        if (pos > run) parts.push(body.subarray(run, pos));
        parts.push(body.subarray(newline - this.maxLineBytes, newline + 1));
        long.push({ index, bytes: newline - pos, limit: this.maxLineBytes });
        run = newline + 1;
      }
      pos = newline + 1;
    }
    if (run < body.length) parts.push(body.subarray(run));
  }

  /** One buffer of its own holding `parts` (so that it can be transferred to a worker). */
  private chunk(parts: Uint8Array[], long: LongLine[], unterminated: boolean): ByteChunk {
    let total = 0;
    for (const p of parts) total += p.length;
    const chunk: ByteChunk = { file: this.file, bytes: concat(parts, total), first: this.first, unterminated };
    if (long.length > 0) chunk.long = long;
    this.first = false;
    return chunk;
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
