import { Column } from "../store/column";

/**
 * Rows of another table grouped: group g's rows are `order[starts[g]] … order[starts[g + 1] - 1]`, in their
 * original order (a stable counting sort). 4 bytes a row and 4 a group.
 */
export interface Groups {
  order: Int32Array;
  starts: Int32Array;
}

/** Groups rows by their group number (`groupOf[row]`, 0 … `n - 1`), keeping each group's rows in row order. */
export function groupRows(groupOf: Int32Array, n: number): Groups {
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < groupOf.length; i++) starts[groupOf[i] + 1]++;
  for (let g = 0; g < n; g++) starts[g + 1] += starts[g];
  const next = starts.slice(0, n);
  const order = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) order[next[groupOf[i]]++] = i;
  return { order, starts };
}

/** Reduces one group's rows (`order[lo] … order[hi - 1]`) to a value. */
export type GroupReducer<T> = (order: Int32Array, lo: number, hi: number) => T;

/**
 * A column with one value per group, computed from the group's rows when read: an aggregate that costs nothing
 * until it is used (a mean over a session's one or two media reports is cheaper to recompute than to keep for
 * every session). Covers groups `first … first + length - 1`; `range()` gives a part of it without copying.
 *
 * @example new GroupColumn(groupRows(Int32Array.of(0, 1, 0), 2), (o, lo, hi) => hi - lo).toArray() // [2, 1]
 */
export class GroupColumn<T> extends Column<T> {
  readonly length: number;
  constructor(readonly groups: Groups, readonly reduce: GroupReducer<T>, readonly first = 0, length = groups.starts.length - 1 - first) {
    super();
    this.length = length;
  }
  at(row: number): T {
    const { order, starts } = this.groups;
    const g = this.first + row;
    return this.reduce(order, starts[g], starts[g + 1]);
  }
  /** Groups `start … end - 1` of this column. */
  range(start: number, end: number): GroupColumn<T> {
    return new GroupColumn(this.groups, this.reduce, this.first + start, end - start);
  }
}
