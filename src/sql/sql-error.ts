/** Thrown when DuckDB rejects a statement: its message on one line. */
export class SqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlError";
  }
}

/**
 * DuckDB's message reduced to one line (its parser adds the query and a caret on further lines).
 *
 * @example sqlErrorOf(new Error("Parser Error: syntax error at or near \"selec\"\n\nLINE 1: selec 1")).message // 'Parser Error: syntax error at or near "selec"'
 */
export function sqlErrorOf(error: unknown): SqlError {
  const text = error instanceof Error ? error.message : String(error);
  return new SqlError(text.split("\n").map((s) => s.trim()).filter((s) => s !== "")[0] ?? "SQL error");
}
