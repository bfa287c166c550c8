import type { DuckDBConnection } from "@duckdb/node-api";
import type { MetricsTables } from "../join/load-tables";
import { datasetTable } from "../dataset/dataset-tables";
import { DATASET_TABLES, type DatasetTable } from "../dataset/table-names";
import { registerTable } from "./register-table";

/**
 * The dataset tables a query names (as a whole word, any case): those are the ones worth registering. A false
 * match (a column alias `media`) only costs the time to register a table.
 *
 * @example referencedTables('select * from Sessions join "media" using (session_id)') // ["sessions", "media"]
 */
export function referencedTables(query: string): DatasetTable[] {
  return DATASET_TABLES.filter((name) => new RegExp(`(^|[^\\w])${name}([^\\w]|$)`, "i").test(query));
}

/**
 * Runs `use` on a fresh in-memory DuckDB (time zone UTC) holding the kit's tables `names` (see `registerTable`),
 * then closes it.
 *
 * @example await withDuckDB(t, ["sessions"], (c) => c.runAndReadAll("select count(*) from sessions"))
 */
export async function withDuckDB<T>(tables: MetricsTables, names: readonly DatasetTable[], use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  // Loaded when first used: the native module adds ~0.4 s to a process that never runs a query.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    for (const name of names) await registerTable(connection, name, datasetTable(tables, name));
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
