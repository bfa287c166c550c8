import type { DuckDBConnection, DuckDBExtractedStatements, DuckDBPreparedStatement, DuckDBResultReader, StatementType } from "@duckdb/node-api";
import { sqlErrorOf } from "./sql-error";
import { writeError, writingStatements, SqlWriteError } from "./writing-statements";

/** The node API's prefix to DuckDB's parser error (it throws without one when the query holds no statement). */
const EXTRACT_ERROR = "Failed to extract statements: ";

/** Options of `runStatements`. */
export interface RunStatementsOptions {
  /** Run statements that can write files (`writingStatements`); default false: they throw `SqlWriteError`. */
  force?: boolean;
  /** Told once the query has run: how many statements it held, how many of them return rows (SELECT, EXPLAIN, CALL). */
  onStatements?: (counts: { statements: number; withRows: number }) => void;
}

/**
 * Runs a query's statements in order, as DuckDB does, and returns the last one's result (`undefined` when the query
 * holds no statement: blanks, `;`, comments). DuckDB reads each statement (extracts and prepares it) and tells its
 * type; without `force`, a statement of a type `writingStatements` names throws `SqlWriteError` before anything
 * runs: every statement is prepared first, and one that cannot be yet (it names a table an earlier statement makes)
 * is checked again right before it runs, when the earlier ones, none of which writes a file, have run. (DuckDB itself
 * makes a missing EXPORT DATABASE folder when it prepares the statement: a refused EXPORT may leave it, empty.)
 * DuckDB's errors throw `SqlError` (one line).
 *
 * @example await runStatements(connection, "copy sessions to 'x.csv'") // throws SqlWriteError "sql: the query is COPY, …"
 */
export async function runStatements(connection: DuckDBConnection, query: string, options: RunStatementsOptions = {}): Promise<DuckDBResultReader | undefined> {
  const refused = options.force ? undefined : await writingStatements();
  // DuckDB prepares an extracted statement once (it moves it out): the check reads the query on its own.
  if (refused) await checkAhead(await extract(connection, query), refused);
  const extracted = await extract(connection, query);
  if (!extracted) return undefined;
  const rowTypes = await rowStatementTypes();
  let withRows = 0;
  let reader: DuckDBResultReader | undefined;
  for (let i = 0; i < extracted.count; i++) {
    const prepared = await prepare(extracted, i);
    try {
      const reason = refused?.get(prepared.statementType);
      if (reason !== undefined) throw writeError(reason, i, extracted.count);
      if (rowTypes.has(prepared.statementType)) withRows++;
      if (i < extracted.count - 1) await prepared.run();
      else reader = await prepared.runAndReadAll();
    } catch (error) {
      throw error instanceof SqlWriteError ? error : sqlErrorOf(error);
    } finally {
      prepared.destroySync();
    }
  }
  options.onStatements?.({ statements: extracted.count, withRows });
  return reader;
}

/** The query's statements, parsed by DuckDB; `undefined` when it holds none. Throws `SqlError` for a parser error. */
async function extract(connection: DuckDBConnection, query: string): Promise<DuckDBExtractedStatements | undefined> {
  try {
    return await connection.extractStatements(query);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.startsWith(EXTRACT_ERROR)) return undefined;
    throw sqlErrorOf(message.slice(EXTRACT_ERROR.length));
  }
}

/** Statement `index`, bound by DuckDB (its type known); throws `SqlError` when DuckDB rejects it. */
async function prepare(extracted: DuckDBExtractedStatements, index: number): Promise<DuckDBPreparedStatement> {
  try {
    return await extracted.prepare(index);
  } catch (error) {
    throw sqlErrorOf(error);
  }
}

/**
 * Throws `SqlWriteError` for the first statement of a `refused` type, before any runs. A statement DuckDB cannot
 * prepare yet (it needs an earlier one to have run) is passed by: `runStatements` checks it again before it runs.
 */
async function checkAhead(extracted: DuckDBExtractedStatements | undefined, refused: ReadonlyMap<StatementType, string>): Promise<void> {
  if (!extracted) return;
  for (let i = 0; i < extracted.count; i++) {
    let type: StatementType;
    try {
      const prepared = await extracted.prepare(i);
      type = prepared.statementType;
      prepared.destroySync();
    } catch {
      continue; // prepared again, and its error told, in turn
    }
    const reason = refused.get(type);
    if (reason !== undefined) throw writeError(reason, i, extracted.count);
  }
}

/** The statement types whose result is rows, not a count or a status: SELECT (DESCRIBE, SHOW, SUMMARIZE, PRAGMA's queries), EXPLAIN, CALL. */
async function rowStatementTypes(): Promise<ReadonlySet<StatementType>> {
  const { StatementType: T } = await import("@duckdb/node-api");
  return new Set([T.SELECT, T.EXPLAIN, T.CALL]);
}
