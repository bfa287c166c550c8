import type * as aq from "arquero";
import { nearestName } from "../io/nearest-name";
import { dimensionColumn, dimensionOfColumn } from "./columns";

/**
 * A column (or, for `kind: "dimension"`, a dimension) asked for that a table does not have. The message names the
 * table, the nearest existing name and all of them.
 */
export class NoColumnError extends Error {
  constructor(readonly column: string, readonly table: string, readonly columns: readonly string[], kind: "column" | "dimension" = "column") {
    const near = nearestName(column, columns);
    super(`no ${kind} '${column}' in ${table}${near ? `; did you mean '${near}'?` : ""} (${kind}s: ${columns.join(", ")})`);
    this.name = "NoColumnError";
  }
}

/**
 * Checks that `table` has every column in `columns`; throws a `NoColumnError` for the first one missing, naming the
 * table (`name`, e.g. "sessions") and the nearest existing column.
 *
 * @example requireColumns(t.sessions, ["STAR"], "sessions") // throws "no column 'STAR' in sessions; did you mean '结构化表达（STAR）'? (columns: …)"
 */
export function requireColumns(table: aq.ColumnTable, columns: readonly string[], name = "the table"): void {
  const have = table.columnNames();
  for (const c of columns) if (!have.includes(c)) throw new NoColumnError(c, name, have);
}

/**
 * A column's values as an array, with a clear error when the table has no such column (see `requireColumns`).
 *
 * @example columnValues(t.sessions, "filler_ratio", "sessions").length === t.sessions.numRows()
 */
export function columnValues(table: aq.ColumnTable, column: string, name = "the table"): unknown[] {
  requireColumns(table, [column], name);
  return table.array(column) as unknown[];
}

/**
 * The column of a dimension's scores in a wide sessions or joined table (`dimensionColumn(dimension)`, i.e.
 * `score:<dimension>`). Throws a `NoColumnError` naming the nearest dimension when the table has none of that name
 * (never falls back to a built-in column of the same name).
 *
 * @example dimensionColumnOf(t.sessions, "结构化表达（STAR）") // "score:结构化表达（STAR）"
 */
export function dimensionColumnOf(table: aq.ColumnTable, dimension: string, name = "the table"): string {
  const have = table.columnNames();
  const column = dimensionColumn(dimension);
  if (have.includes(column)) return column;
  const dimensions = have.flatMap((c) => dimensionOfColumn(c) ?? []);
  throw new NoColumnError(dimension, name, dimensions, "dimension");
}

/**
 * A dimension's scores from a wide sessions or joined table, by dimension name (see `dimensionColumnOf`).
 *
 * @example histogramFigure(dimensionValues(t.sessions, "表达清晰度", "sessions"))
 */
export function dimensionValues(table: aq.ColumnTable, dimension: string, name = "the table"): unknown[] {
  return table.array(dimensionColumnOf(table, dimension, name)) as unknown[];
}
