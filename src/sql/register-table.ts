import type * as aq from "arquero";
import type { DuckDBConnection, JS } from "@duckdb/node-api";
import { columnKinds, exportValue, SQL_TYPES, type ColumnKind } from "../dataset/column-types";
import { quoteIdentifier } from "./quote";

/** Rows per data chunk handed to DuckDB's appender (its vector size). */
const CHUNK_ROWS = 2048;

/**
 * Creates table `name` in DuckDB with the kit table's columns, typed by `columnKinds` (`TIMESTAMPTZ`, `DOUBLE`,
 * `INTEGER`, `BOOLEAN`, `VARCHAR`, `VARCHAR[]`; `NaN` becomes `NULL`), and fills it through the appender, a data
 * chunk of 2,048 rows at a time. Any column name is quoted; a table of that name is replaced.
 *
 * @example await registerTable(connection, "sessions", t.sessions) // then: select count(*) from sessions
 */
export async function registerTable(connection: DuckDBConnection, name: string, table: aq.ColumnTable): Promise<Map<string, ColumnKind>> {
  const { DuckDBDataChunk, JSToDuckDBValueConverter } = await import("@duckdb/node-api");
  const kinds = columnKinds(table);
  const names = [...kinds.keys()];
  const definition = names.map((c) => `${quoteIdentifier(c)} ${SQL_TYPES[kinds.get(c)!]}`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${definition})`);
  const appender = await connection.createAppender(name);
  const types = names.map((_, k) => appender.columnType(k));
  const columns = names.map((c) => table.column(c)!);
  const rows = table.isFiltered() || table.isOrdered() ? table.indices() : undefined;
  const n = table.numRows();
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const size = Math.min(CHUNK_ROWS, n - start);
    const chunk = DuckDBDataChunk.create(types, size);
    columns.forEach((column, k) => {
      const kind = kinds.get(names[k])!;
      const out = new Array<JS>(size);
      const at = (i: number) => column.at(rows ? rows[start + i] : start + i);
      if (kind === "double" || kind === "integer") {
        // Numbers go in as they are (no conversion), NaN as NULL.
        for (let i = 0; i < size; i++) {
          const v = at(i) as number;
          out[i] = v === v && v != null ? v : null;
        }
        chunk.setColumnValues(k, out as number[]);
      } else {
        for (let i = 0; i < size; i++) out[i] = exportValue(at(i), kind) as JS;
        chunk.setColumnValuesConverted(k, out, JSToDuckDBValueConverter);
      }
    });
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  return kinds;
}
