/**
 * A SQL identifier, double-quoted with inner quotes doubled: any column or table name is safe in a query.
 *
 * @example quoteIdentifier('a"; drop') // "\"a\"\"; drop\""
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A SQL string literal, single-quoted with inner quotes doubled (for paths in `COPY … TO '…'`).
 *
 * @example quoteLiteral("it's") // "'it''s'"
 */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
