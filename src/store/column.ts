/**
 * What arquero reads a column through — its length and the value at a row — and what every column the join layer
 * builds offers besides a typed array: iteration and `toArray()`. Subclasses say how a value is stored
 * (`BlockColumn`, `CodedColumn`, `TextColumn`, `PickedColumn`, `DateColumn`, `GroupColumn`), so a table holds
 * 4 or 8 bytes a row where an array of JS values holds a pointer and an object.
 *
 * @example aq.table({ x: new CodedColumn(BlockColumn.of(Int32Array, [0, 1, 0]), ["a", "b"]) }).array("x") // ["a", "b", "a"]
 */
export abstract class Column<T> implements Iterable<T> {
  abstract readonly length: number;
  abstract at(row: number): T;
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
  toArray(): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }
}

/** A column of any kind the join layer hands out: a typed array, a plain array or a `Column`. */
export type ColumnLike<T> = { readonly length: number; at(row: number): T | undefined };
