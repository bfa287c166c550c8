import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnKind } from "../dataset/column-types";
import { quoteIdentifier, quoteLiteral } from "../sql/quote";

/** The formats DuckDB writes for `exportTables` (Arrow is written by flechette). */
export type CopyFormat = "parquet" | "csv" | "ndjson";

/** The Parquet partition column: the UTC month of `ts`, `2025-11`. */
export const MONTH_COLUMN = "month";

/** A column as text formats write it: a timestamp as ISO 8601 with `Z` (milliseconds), a list as a JSON array in CSV. */
function textExpression(name: string, kind: ColumnKind, format: CopyFormat): string {
  const c = quoteIdentifier(name);
  if (kind === "timestamp") return `strftime(${c}, '%Y-%m-%dT%H:%M:%S.%gZ') AS ${c}`;
  if (kind === "list" && format === "csv") return `to_json(${c})::VARCHAR AS ${c}`;
  return c;
}

/**
 * Writes DuckDB table `name` (registered by `registerTable`, its kinds `kinds`) into folder `dir` with `COPY`:
 * Parquet partitioned hive-style by the UTC month of `ts` (`dir/month=2025-11/data_0.parquet`; one file when the
 * table has no `ts`), CSV with a header (`dir/<name>.csv`) or newline-delimited JSON (`dir/<name>.ndjson`).
 *
 * @example await copyTable(connection, "sessions", kinds, "out/sessions", "parquet")
 */
export async function copyTable(connection: DuckDBConnection, name: string, kinds: ReadonlyMap<string, ColumnKind>, dir: string, format: CopyFormat): Promise<void> {
  const table = quoteIdentifier(name);
  if (format === "parquet") {
    if (kinds.get("ts") !== "timestamp") {
      await connection.run(`COPY ${table} TO ${quoteLiteral(join(dir, "data_0.parquet"))} (FORMAT parquet)`);
      return;
    }
    if (kinds.has(MONTH_COLUMN)) throw new Error(`table ${name} has a column named "${MONTH_COLUMN}", the name of the Parquet partition column`);
    await connection.run(`COPY (SELECT *, strftime(ts, '%Y-%m') AS ${MONTH_COLUMN} FROM ${table}) TO ${quoteLiteral(dir)} ` +
      `(FORMAT parquet, PARTITION_BY (${MONTH_COLUMN}), OVERWRITE_OR_IGNORE)`);
    return;
  }
  const columns = [...kinds].map(([c, kind]) => textExpression(c, kind, format)).join(", ");
  const file = join(dir, `${name}.${format}`);
  const options = format === "csv" ? "FORMAT csv, HEADER" : "FORMAT json";
  await connection.run(`COPY (SELECT ${columns} FROM ${table}) TO ${quoteLiteral(file)} (${options})`);
}
