/**
 * A SQL identifier, double-quoted with inner quotes doubled: any column or table name is safe in a query. A NUL
 * character, which DuckDB's parser takes for the end of the query text, is written as the four characters `\x00`
 * (the escape the terminal shows): a dimension named `a\u0000b` is DuckDB's column `score:a\x00b`.
 *
 * @example quoteIdentifier('a"; drop') // "\"a\"\"; drop\""
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""').replaceAll("\u0000", "\\x00")}"`;
}

/**
 * A SQL string literal, single-quoted with inner quotes doubled (for paths in `COPY … TO '…'`).
 *
 * @example quoteLiteral("it's") // "'it''s'"
 */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
