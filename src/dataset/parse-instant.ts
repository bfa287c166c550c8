import { parseTimestamp } from "../schema/parse-timestamp";

/** Thrown for a `--since`/`--until`/`--users` value (or a `TableFilter`'s) the kit cannot read (the CLI prints it on one line, exit 2). */
export class FilterOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterOptionError";
  }
}

/**
 * Reads an ISO date or date-time as epoch milliseconds, UTC: `2025-11-01` is midnight UTC; a date-time without an
 * offset is UTC; one with `Z` or `±hh:mm` keeps it. Throws `FilterOptionError` naming `option`.
 *
 * @example parseInstant("2025-11-01", "--since") // 1761955200000
 */
export function parseInstant(text: string, option: string): number {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseTimestamp(`${text}T00:00:00`) : parseTimestamp(text);
  if (t === undefined) throw new FilterOptionError(`${option}: "${text}" is not an ISO date (YYYY-MM-DD) or date-time`);
  return t;
}
