import { Column } from "./column";
import { BLOCK_ROWS, BLOCK_SHIFT } from "./block-column";

/** Strings packed as UTF-8: row i is `bytes[ends[i - 1] … ends[i])` (from 0 for the first row). */
export interface PackedText {
  bytes: Uint8Array;
  ends: Uint32Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const MASK = BLOCK_ROWS - 1;

/**
 * A column of strings that rarely repeat (media ids, the log's timestamp strings), packed as UTF-8 in blocks of
 * 2^14 rows: ~30 bytes a row where a JS string and its pointer cost ~60. Each read decodes a new string.
 *
 * @example TextColumn.of(["a", "é"]).at(1) // "é"
 */
export class TextColumn extends Column<string> {
  constructor(readonly blocks: readonly PackedText[], readonly length: number) {
    super();
  }
  static of(strings: readonly string[]): TextColumn {
    const b = new TextBuilder(strings.length);
    for (const s of strings) b.push(s);
    const parts = new TextParts();
    parts.push(b.finish());
    return parts.finish();
  }
  at(row: number): string {
    const { bytes, ends } = this.blocks[row >>> BLOCK_SHIFT];
    const j = row & MASK;
    return decoder.decode(bytes.subarray(j > 0 ? ends[j - 1] : 0, ends[j]));
  }
}

/** Packs strings one by one (on the thread that parsed them). */
export class TextBuilder {
  private bytes: Uint8Array;
  private ends: Uint32Array;
  private n = 0;
  private end = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity * 32));
    this.ends = new Uint32Array(capacity);
  }
  push(s: string): void {
    this.bytes = room(this.bytes, this.end, 3 * s.length); // UTF-8 takes at most 3 bytes per UTF-16 unit
    this.end += encoder.encodeInto(s, this.bytes.subarray(this.end)).written!;
    this.ends[this.n++] = this.end;
  }
  finish(): PackedText {
    return { bytes: this.bytes.slice(0, this.end), ends: this.ends.slice(0, this.n) };
  }
}

/** `bytes`, or a copy of its first `used` bytes in a buffer at least twice as large, with room for `more`. */
function room(bytes: Uint8Array, used: number, more: number): Uint8Array {
  if (used + more <= bytes.length) return bytes;
  const bigger = new Uint8Array(Math.max(2 * bytes.length, used + more));
  bigger.set(bytes.subarray(0, used));
  return bigger;
}

/** Joins packed parts (one per chunk, in row order) into the blocks of a `TextColumn`. */
export class TextParts {
  private done: PackedText[] = [];
  private block = new BlockText();
  length = 0;
  /** Parts that go on from a finished column: its full blocks shared, its last one copied to be filled further. */
  static from(column: TextColumn): TextParts {
    const parts = new TextParts();
    parts.length = column.length;
    parts.done = [...column.blocks];
    if ((column.length & MASK) > 0) {
      const last = parts.done.pop()!;
      parts.block.add(last.bytes, last.ends, 0, last.ends.length, 0);
    }
    return parts;
  }
  push(part: PackedText): void {
    let from = 0;
    const rows = part.ends.length;
    while (from < rows) {
      const n = Math.min(rows - from, BLOCK_ROWS - (this.length & MASK));
      const start = from > 0 ? part.ends[from - 1] : 0;
      this.block.add(part.bytes, part.ends, from, n, start);
      from += n;
      this.length += n;
      if ((this.length & MASK) === 0) {
        this.done.push(this.block.finish());
        this.block = new BlockText();
      }
    }
  }
  /** The column (more parts may still be pushed here after). */
  finish(): TextColumn {
    return new TextColumn((this.length & MASK) > 0 ? [...this.done, this.block.finish()] : [...this.done], this.length);
  }
}

/** One block of a `TextParts` being filled. */
class BlockText {
  private bytes: Uint8Array = new Uint8Array(BLOCK_ROWS * 32);
  private ends = new Uint32Array(BLOCK_ROWS);
  private n = 0;
  private end = 0;
  /** Adds rows `from … from + n - 1` of a part whose row `from` starts at byte `start`. */
  add(bytes: Uint8Array, ends: Uint32Array, from: number, n: number, start: number): void {
    const stop = ends[from + n - 1];
    this.bytes = room(this.bytes, this.end, stop - start);
    this.bytes.set(bytes.subarray(start, stop), this.end);
    for (let i = 0; i < n; i++) this.ends[this.n + i] = ends[from + i] - start + this.end;
    this.n += n;
    this.end += stop - start;
  }
  finish(): PackedText {
    return { bytes: this.bytes.slice(0, this.end), ends: this.ends.slice(0, this.n) };
  }
}
