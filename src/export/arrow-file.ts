import { writeFileSync } from "node:fs";
import type * as aq from "arquero";
import { bool, columnFromArray, float64, int32, list, tableFromColumns, tableToIPC, timestamp, TimeUnit, utf8, type DataType } from "@uwdata/flechette";
import { columnKinds, exportValue, type ColumnKind } from "../dataset/column-types";

const ARROW_TYPES: Readonly<Record<ColumnKind, () => DataType>> = {
  timestamp: () => timestamp(TimeUnit.MILLISECOND, "UTC"),
  double: float64, integer: int32, boolean: bool, varchar: utf8, list: () => list(utf8()),
};

/**
 * Writes a kit table as an Arrow IPC file (the random-access "file" format, `.arrow`) with the types of
 * `columnKinds`: timestamps in UTC milliseconds, doubles, 32-bit integers, booleans, UTF-8 strings, lists of
 * strings; `NaN` becomes null. Returns the rows written.
 *
 * @example writeArrowFile(t.sessions, "out/sessions/sessions.arrow") // pyarrow.ipc.open_file(...) reads it
 */
export function writeArrowFile(table: aq.ColumnTable, file: string): number {
  const kinds = columnKinds(table);
  const rows = table.isFiltered() || table.isOrdered() ? table.indices() : undefined;
  const n = table.numRows();
  const columns = new Map<string, ReturnType<typeof columnFromArray>>();
  for (const [name, kind] of kinds) {
    const source = table.column(name)!;
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = exportValue(source.at(rows ? rows[i] : i), kind);
      values[i] = v instanceof Date ? +v : v;
    }
    columns.set(name, columnFromArray(values, ARROW_TYPES[kind]()));
  }
  writeFileSync(file, tableToIPC(tableFromColumns([...columns]), { format: "file" })!);
  return n;
}
