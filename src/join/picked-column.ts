import { Column, type ColumnLike } from "../store/column";

/**
 * Rows of another column, picked by index (`-1` gives `missing`): a table of selected or reordered rows that shares
 * its source's values instead of copying them (4 bytes a row for the shared index).
 *
 * @example new PickedColumn(Float64Array.of(10, 20, 30), Int32Array.of(2, 0)).toArray() // [30, 10]
 */
export class PickedColumn<T> extends Column<T> {
  readonly length: number;
  constructor(readonly source: ColumnLike<T>, readonly index: Int32Array, readonly missing?: T) {
    super();
    this.length = index.length;
  }
  at(row: number): T {
    const i = this.index[row];
    return i >= 0 ? (this.source.at(i) as T) : (this.missing as T);
  }
}
