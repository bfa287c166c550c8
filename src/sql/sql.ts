import * as aq from "arquero";
import type { DuckDBResultReader } from "@duckdb/node-api";
import type { MetricsTables } from "../join/load-tables";
import type { DatasetTable } from "../dataset/table-names";
import { referencedTables, withDuckDB } from "./duckdb-session";
import { runStatements, type RunStatementsOptions } from "./run-statements";
import { SqlError } from "./sql-error";

export { SqlError };
export { SqlWriteError } from "./writing-statements";

/** Options of `sql`. */
export interface SqlOptions {
  /** Tables to register; default those the query names (`sessions`, `scores`, `media`, `joined`, `timelines`). */
  tables?: readonly DatasetTable[];
  /**
   * Run statements that can write files — COPY (… TO, and … FROM with it), EXPORT DATABASE, ATTACH, COPY FROM
   * DATABASE, and EXPLAIN, PREPARE and EXECUTE, which can run one unseen — and let the query change DuckDB's settings
   * (`profiling_output` and `log_query_path` name files DuckDB writes). Default false: such a statement throws
   * `SqlWriteError` before the query runs, and a setting changed (`SET threads = 1`, `PRAGMA enable_profiling`)
   * `SqlError` (`SET VARIABLE` and `USE` still work). With it DuckDB may write any file this process can, the logs
   * the tables came from included: DuckDB's settings can only allow paths (`allowed_paths`, `allowed_directories`),
   * not keep one out.
   */
  force?: boolean;
  /** Told once the query has run: how many statements it held and how many return rows (only the last one's result is returned). */
  onStatements?: RunStatementsOptions["onStatements"];
}

/**
 * Runs a DuckDB query over the kit's validated tables — `sessions`, `scores`, `media`, `joined`, `timelines` —
 * and returns the last statement's result as an arquero table (`show()` displays it in a notebook; a query of no
 * statement gives an empty table). The query may also read files (`read_parquet(...)`, `read_csv(...)`); `tables`
 * may be `undefined` for a query that names none of the kit's tables. Timestamps come back as `Date`s (UTC), lists
 * as arrays, integers as numbers (a BIGINT beyond 2^53 as a string); a repeated column name, or `__proto__`, gets a
 * suffix (`x_2`). Throws `SqlError` (one line) when DuckDB rejects the query, `SqlWriteError` for a statement that
 * can write files without `force` (see `SqlOptions`).
 *
 * @example
 * const top = await sql(t, "select user_id, count(*) as n from sessions group by user_id order by n desc limit 5");
 * top.objects() // [{ user_id: "u_…", n: 9 }, …]
 * await sql(t, "copy sessions to 'metrics.log'") // throws SqlWriteError "sql: the query is COPY, which can write a file (…); pass --force …"
 * await sql(undefined, "select count(*) as n from read_parquet('out/sessions/**\/*.parquet')")
 */
export async function sql(tables: MetricsTables | undefined, query: string, options: SqlOptions = {}): Promise<aq.ColumnTable> {
  const names = options.tables ?? (tables ? referencedTables(query) : []);
  if (!tables && names.length > 0) throw new TypeError(`sql: options.tables names ${names.join(", ")}, but no tables were given`);
  return withDuckDB(tables, names, async (connection) => {
    // Settings such as profiling_output and log_query_path make DuckDB write files: without force, none can be changed.
    if (!options.force) await connection.run("SET lock_configuration = true");
    try {
      return resultTable(await runStatements(connection, query, options));
    } catch (error) {
      throw error instanceof SqlError && LOCKED.test(error.message) ? new SqlError(`${error.message}; pass --force to change DuckDB's settings`) : error;
    }
  });
}

/** DuckDB's error for a setting changed while `lock_configuration` is on. */
const LOCKED = /the configuration has been locked$/;

/** A statement's result as an arquero table (see `sql`); no result (no statement) is a table of no columns. */
function resultTable(reader: DuckDBResultReader | undefined): aq.ColumnTable {
  // A Map, so that a column named `__proto__` is a column like any other.
  const columns = new Map<string, unknown[]>();
  if (!reader) return aq.table(columns);
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
