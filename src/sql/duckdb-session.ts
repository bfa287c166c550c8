import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { MetricsTables } from "../join/load-tables";
import { DATASET_TABLES, datasetTable, type DatasetTable } from "../dataset/dataset-tables";
import { registerTable } from "./register-table";

/** Thrown when DuckDB rejects a statement: its message on one line. */
export class SqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlError";
  }
}

/** DuckDB's message reduced to one line (its parser adds the query and a caret on further lines). */
export function sqlErrorOf(error: unknown): SqlError {
  const text = error instanceof Error ? error.message : String(error);
  return new SqlError(text.split("\n").map((s) => s.trim()).filter((s) => s !== "")[0] ?? "SQL error");
}

/** The dataset tables a query names (as a whole word, any case): those are the ones worth registering. */
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
