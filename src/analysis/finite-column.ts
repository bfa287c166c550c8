import type * as aq from "arquero";
import { isPresent } from "../stats/finite-values";

/**
 * A numeric column of a table as a `Float64Array`, in the table's row order (its filter and order applied), with
 * `NaN` wherever the value is missing under the kit's policy (`null`, `undefined`, `NaN`, ±Infinity, a non-number):
 * 8 bytes a row, outside the JS heap, without the intermediate array `table.array(name)` would build. Every
 * statistic that skips non-finite values reads it exactly as it reads the column.
 *
 * @example finiteColumn(aq.table({ x: [1, null, 3] }), "x") // Float64Array [1, NaN, 3]
 */
export function finiteColumn(table: aq.ColumnTable, name: string): Float64Array {
  const get = table.getter(name);
  const out = new Float64Array(table.numRows());
  for (let i = 0; i < out.length; i++) {
    const v = get(i);
    out[i] = isPresent(v) ? v : NaN;
  }
  return out;
}

/**
 * A column's values in the table's row order, read as they are stored when the table is neither filtered nor
 * ordered and the column is an array or a typed array (a reified table, e.g. `studentTimelines`'), else copied by
 * `table.array(name)`: analyses that read one column several times do not copy it each time. Read-only.
 *
 * @example storedColumn(studentTimelines(t.sessions), "user_id")[0] // "u_0001"
 */
export function storedColumn(table: aq.ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name) as unknown;
  const stored = Array.isArray(column) || ArrayBuffer.isView(column);
  if (stored && !table.isFiltered() && !table.isOrdered() && (column as ArrayLike<unknown>).length === table.numRows()) return column as ArrayLike<unknown>;
  return table.array(name) as ArrayLike<unknown>;
}
