import { Column } from "./column";
import { BlockColumn } from "./block-column";

/**
 * A dictionary-coded column: row i's value is `values[codes[i]]`. Repeated strings and lists (user ids, tags,
 * comments, media types) cost 4 bytes a row and one copy per distinct value.
 *
 * @example new CodedColumn(BlockColumn.of(Int32Array, [1, 0, 1]), ["audio", "video"]).toArray() // ["video", "audio", "video"]
 */
export class CodedColumn<T> extends Column<T> {
  readonly length: number;
  constructor(readonly codes: BlockColumn<Int32Array>, readonly values: readonly T[]) {
    super();
    this.length = codes.length;
  }
  at(row: number): T {
    return this.values[this.codes.at(row)];
  }
}
