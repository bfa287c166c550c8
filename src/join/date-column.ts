import { Column, type ColumnLike } from "../store/column";

/**
 * A column of dates stored as epoch milliseconds (8 bytes a row, where a `Date` object costs ~110): arquero reads
 * a column through `at(row)`, so tables, expressions (`d.ts`, `op.year(d.ts)`), `orderby`, `array()`, `objects()`
 * and printing all see `Date` values (a new one per read; `null` for a missing time).
 *
 * @example aq.table({ ts: new DateColumn(Float64Array.of(Date.UTC(2025, 10, 3))) }).get("ts", 0) // 2025-11-03T00:00:00.000Z
 */
export class DateColumn extends Column<Date | null> {
  readonly length: number;
  constructor(readonly ms: ColumnLike<number>) {
    super();
    this.length = ms.length;
  }
  at(row: number): Date | null {
    const t = this.ms.at(row)!;
    return t === t ? new Date(t) : null;
  }
}
