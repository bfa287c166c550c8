import { Column } from "./column";
import { BlockParts, type BlockColumn } from "./block-column";

/**
 * A column of numbers that most rows lack, stored for the rows that have them: `rank.at(row)` is the row's place
 * among those rows, or -1 (a missing value, read as `NaN`). Columns that are missing together share one rank — the
 * video features, absent from audio-only media reports, cost 4 bytes a row plus 8 per present value.
 *
 * @example
 * const p = new SparseParts(1); p.push([Float64Array.of(NaN, 2, NaN, 4)]);
 * p.finish()[0].toArray() // [NaN, 2, NaN, 4]
 */
export class SparseColumn extends Column<number> {
  readonly length: number;
  constructor(readonly rank: BlockColumn<Int32Array>, readonly values: BlockColumn<Float64Array>) {
    super();
    this.length = rank.length;
  }
  at(row: number): number {
    const r = this.rank.at(row);
    return r < 0 ? NaN : this.values.at(r);
  }
}

/** Builds `SparseColumn`s that share one rank, part by part; a row is present when any of the columns has a number. */
export class SparseParts {
  private rank = new BlockParts(Int32Array);
  private values: BlockParts<Float64Array>[];
  private present = 0;
  constructor(columns: number) {
    this.values = Array.from({ length: columns }, () => new BlockParts(Float64Array));
  }
  /** Parts that go on from finished columns sharing one rank (those `finish` gave). */
  static from(columns: readonly SparseColumn[]): SparseParts {
    const parts = new SparseParts(columns.length);
    parts.rank = BlockParts.from(columns[0].rank, Int32Array as never) as never;
    parts.values = columns.map((c) => BlockParts.from(c.values, Float64Array));
    parts.present = columns[0].values.length;
    return parts;
  }
  /** Appends a part: one array of equal length per column. */
  push(parts: readonly Float64Array[]): void {
    const n = parts.length > 0 ? parts[0].length : 0;
    const rank = new Int32Array(n);
    const kept = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      let present = false;
      for (let k = 0; k < parts.length && !present; k++) present = parts[k][i] === parts[k][i];
      rank[i] = present ? this.present + m : -1;
      if (present) kept[m++] = i;
    }
    this.rank.push(rank);
    parts.forEach((p, k) => {
      const values = new Float64Array(m);
      for (let j = 0; j < m; j++) values[j] = p[kept[j]];
      this.values[k].push(values);
    });
    this.present += m;
  }
  /** The columns, in the order of the parts' arrays (more parts may still be pushed here after). */
  finish(): SparseColumn[] {
    const rank = this.rank.finish();
    return this.values.map((v) => new SparseColumn(rank, v.finish()));
  }
}
