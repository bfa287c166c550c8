import type { StatementType } from "@duckdb/node-api";

/** Thrown when a query holds a statement that can write files and `force` was not given (the CLI: exit 2). */
export class SqlWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlWriteError";
  }
}

/**
 * The statements `sql` refuses without `force`, by DuckDB's statement type, each with why: those that write files
 * (COPY … TO, EXPORT DATABASE, ATTACH and COPY FROM DATABASE), and those that can run one unseen. DuckDB gives COPY …
 * FROM and EXPLAIN ANALYZE the type of COPY … TO and of EXPLAIN: they are refused with them.
 */
export async function writingStatements(): Promise<ReadonlyMap<StatementType, string>> {
  // Loaded when first used, as the rest of DuckDB: the native module is not loaded by importing this one.
  const { StatementType: T } = await import("@duckdb/node-api");
  return new Map([
    [T.COPY, "COPY, which can write a file (COPY … TO; COPY … FROM is refused too: DuckDB gives both one statement type)"],
    [T.EXPORT, "EXPORT DATABASE, which writes files"],
    [T.ATTACH, "ATTACH, which can create or change a database file"],
    [T.COPY_DATABASE, "COPY FROM DATABASE, which writes into an attached database"],
    [T.EXPLAIN, "EXPLAIN, which can run its statement (EXPLAIN ANALYZE does, COPY … TO too: DuckDB gives both one statement type)"],
    [T.PREPARE, "PREPARE, whose statement EXECUTE would run unchecked"],
    [T.EXECUTE, "EXECUTE, which runs a prepared statement unchecked"],
  ]);
}

/**
 * The one-line error for statement `index` (from 0) of `count`, of a type `refused` (see `writingStatements`) names.
 *
 * @example writeError("COPY, which can write a file (…)", 0, 1).message // "sql: the query is COPY, which can write a file (…); pass --force to run it, or write datasets with metrics-kit export"
 */
export function writeError(reason: string, index: number, count: number): SqlWriteError {
  const which = count === 1 ? "the query is" : `statement ${index + 1} of ${count} is`;
  return new SqlWriteError(`sql: ${which} ${reason}; pass --force to run it, or write datasets with metrics-kit export`);
}
