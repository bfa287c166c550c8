import type { DuckDBConnection } from "@duckdb/node-api";
import type { MetricsTables } from "../join/load-tables";
import { datasetTable } from "../dataset/dataset-tables";
import { DATASET_TABLES, type DatasetTable } from "../dataset/table-names";
import { registerTable } from "./register-table";

/** A quoted identifier ("…", "" inside), a string literal ('…', '' inside) or a comment (-- …, /* … *\/), first come first. */
const QUOTED_OR_COMMENT = /"(?:[^"]|"")*"|'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g;

/**
 * The dataset tables a query names (as a whole word, any case): those are the ones worth registering, and the CLI
 * reads no log for a query that names none. Comments and string literals name none (`read_parquet('out/sessions/…')`),
 * except a literal that is a table's name and nothing else (`query_table('sessions')`). A false match (a column alias
 * `media`) only costs the time to register a table (and reading the log).
 *
 * @example referencedTables('select * from Sessions join "media" using (session_id)') // ["sessions", "media"]
 * referencedTables("select * from read_parquet('out/sessions/*.parquet')") // []
 */
export function referencedTables(query: string): DatasetTable[] {
  const named = (text: string) => (DATASET_TABLES as readonly string[]).includes(text.toLowerCase());
  const code = query.replace(QUOTED_OR_COMMENT, (m) => (m.startsWith('"') || (m.startsWith("'") && named(m.slice(1, -1))) ? m : " "));
  return DATASET_TABLES.filter((name) => new RegExp(`(^|[^\\w])${name}([^\\w]|$)`, "i").test(code));
}

/**
 * Runs `use` on a fresh in-memory DuckDB (time zone UTC) holding the kit's tables `names` (see `registerTable`),
 * then closes it. Without `tables` (a query that names none of the kit's tables) none is registered.
 *
 * @example await withDuckDB(t, ["sessions"], (c) => c.runAndReadAll("select count(*) from sessions"))
 */
export async function withDuckDB<T>(tables: MetricsTables | undefined, names: readonly DatasetTable[], use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  // Loaded when first used: the native module adds ~0.4 s to a process that never runs a query.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    if (tables) for (const name of names) await registerTable(connection, name, datasetTable(tables, name));
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
