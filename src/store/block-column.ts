import { Column } from "./column";

/** The typed arrays a `BlockColumn` can hold. */
export type TypedArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** Rows per block: 2^14, so a block of doubles is 128 KiB. */
export const BLOCK_SHIFT = 14;
export const BLOCK_ROWS = 1 << BLOCK_SHIFT;
const MASK = BLOCK_ROWS - 1;

/**
 * A column of numbers stored in fixed-size typed-array blocks (2^14 rows each, the last one trimmed): it grows
 * without ever copying or freeing a large buffer, so a long load leaves no freed buffers behind in the allocator
 * (which, with glibc, would stay in the process's memory) and no slack beyond a part of the last block.
 *
 * @example BlockColumn.of(Float64Array, [1, 2, 3]).at(2) // 3
 */
export class BlockColumn<A extends TypedArray = Float64Array> extends Column<number> {
  constructor(readonly blocks: readonly A[], readonly length: number) {
    super();
  }
  static of<A extends TypedArray>(make: new (length: number) => A, values: ArrayLike<number>): BlockColumn<A> {
    const parts = new BlockParts(make);
    parts.push(values);
    return parts.finish();
  }
  at(row: number): number {
    return this.blocks[row >>> BLOCK_SHIFT][row & MASK];
  }
}

/** A column of numbers where `NaN` is a missing value. */
export type NumberColumn = BlockColumn<Float64Array>;

/** Builds a `BlockColumn` part by part (each part copied in, so the parts — small buffers sent by workers — are freed at once). */
export class BlockParts<A extends TypedArray> {
  private blocks: A[] = [];
  length = 0;

  constructor(private readonly make: new (length: number) => A, private readonly fill = 0) {}

  /** Parts that go on from a finished column: its full blocks shared, its last one copied into a block of full size. */
  static from<A extends TypedArray>(column: BlockColumn<A>, make: new (length: number) => A, fill = 0): BlockParts<A> {
    const parts = new BlockParts(make, fill);
    parts.blocks = [...column.blocks];
    parts.length = column.length;
    const rest = column.length & MASK;
    if (rest > 0) {
      const last = new make(BLOCK_ROWS);
      last.set(parts.blocks[parts.blocks.length - 1] as never);
      parts.blocks[parts.blocks.length - 1] = last;
    }
    return parts;
  }

  /** Appends a part; `add`, when given, is added to each value (relative line numbers made absolute). */
  push(part: ArrayLike<number>, add = 0): void {
    let from = 0;
    while (from < part.length) {
      const at = this.length & MASK;
      const block = this.block();
      const n = Math.min(part.length - from, BLOCK_ROWS - at);
      if (add === 0 && ArrayBuffer.isView(part)) block.set((part as A).subarray(from, from + n), at);
      else for (let i = 0; i < n; i++) block[at + i] = part[from + i] + add;
      from += n;
      this.length += n;
    }
  }

  /** Appends `count` copies of `value`. */
  repeat(value: number, count: number): void {
    while (count > 0) {
      const at = this.length & MASK;
      const n = Math.min(count, BLOCK_ROWS - at);
      this.block().fill(value, at, at + n);
      count -= n;
      this.length += n;
    }
  }

  /** Pads with the fill value (`NaN` for a column of numbers) up to `length`: a column that appeared after earlier rows. */
  padTo(length: number): void {
    if (this.length < length) this.repeat(this.fill, length - this.length);
  }

  /** The column, its last block trimmed to the rows it holds (more rows may still be pushed here after). */
  finish(): BlockColumn<A> {
    const rest = this.length & MASK;
    const blocks = this.blocks.slice(0, Math.ceil(this.length / BLOCK_ROWS));
    if (rest > 0) blocks[blocks.length - 1] = blocks[blocks.length - 1].slice(0, rest) as A;
    return new BlockColumn(blocks, this.length);
  }

  /** The block the next row goes to. */
  private block(): A {
    const k = this.length >>> BLOCK_SHIFT;
    if (k === this.blocks.length) this.blocks.push(new this.make(BLOCK_ROWS));
    return this.blocks[k];
  }
}
