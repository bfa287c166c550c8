import * as aq from "arquero";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { MetricsTables } from "../join/load-tables";
import type { DatasetTable } from "../dataset/table-names";
import { referencedTables, withDuckDB } from "./duckdb-session";
import { sqlErrorOf } from "./sql-error";

export { SqlError } from "./sql-error";

/** Options of `sql`. */
export interface SqlOptions {
  /** Tables to register; default those the query names (`sessions`, `scores`, `media`, `joined`, `timelines`). */
  tables?: readonly DatasetTable[];
}

/**
 * Runs a DuckDB query over the kit's validated tables — `sessions`, `scores`, `media`, `joined`, `timelines` —
 * and returns the result as an arquero table (`show()` displays it in a notebook). The query may also read files
 * (`read_parquet(...)`, `read_csv(...)`). Timestamps come back as `Date`s (UTC), lists as arrays, integers as
 * numbers (a BIGINT beyond 2^53 as a string); a repeated column name, or `__proto__`, gets a suffix (`x_2`). Throws `SqlError`
 * (one line) when DuckDB rejects the query.
 *
 * @example
 * const top = await sql(t, "select user_id, count(*) as n from sessions group by user_id order by n desc limit 5");
 * top.objects() // [{ user_id: "u_…", n: 9 }, …]
 */
export async function sql(tables: MetricsTables, query: string, options: SqlOptions = {}): Promise<aq.ColumnTable> {
  return withDuckDB(tables, options.tables ?? referencedTables(query), (connection) => runQuery(connection, query));
}

/** Runs one query on an open connection and returns its result as an arquero table (see `sql`). */
async function runQuery(connection: DuckDBConnection, query: string): Promise<aq.ColumnTable> {
  let reader;
  try {
    reader = await connection.runAndReadAll(query);
  } catch (error) {
    throw sqlErrorOf(error);
  }
  // A Map, so that a column named `__proto__` is a column like any other.
  const columns = new Map<string, unknown[]>();
  // A result of no rows has no column arrays (`getColumnsJS()` is []): its columns are then empty, not missing.
  const values = reader.getColumnsJS();
  reader.columnNames().forEach((name, k) => columns.set(uniqueName(columns, name), (values[k] ?? []).map(plainValue)));
  return aq.table(columns);
}

/** `name`, or with a suffix when taken (or `__proto__`, which arquero's tables cannot hold as a column name). */
function uniqueName(taken: ReadonlyMap<string, unknown>, name: string): string {
  if (!taken.has(name) && name !== "__proto__") return name;
  let k = 2;
  while (taken.has(`${name}_${k}`)) k++;
  return `${name}_${k}`;
}

/** A DuckDB JS value as a plain one: a safe BIGINT as a number, a larger one as a string, inside lists too. */
function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(plainValue);
  return value;
}
