import { existsSync, readFileSync } from "node:fs";
import { parseTimestamp } from "../schema/timestamp";
import type { TableFilter } from "./filter-tables";

/** Thrown for a `--since`/`--until`/`--users` value the kit cannot read (the CLI prints it on one line, exit 2). */
export class FilterOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterOptionError";
  }
}

/**
 * Reads an ISO date or date-time as epoch milliseconds, UTC: `2025-11-01` is midnight UTC; a date-time without an
 * offset is UTC; one with `Z` or `±hh:mm` keeps it.
 *
 * @example parseInstant("2025-11-01", "--since") // 1761955200000
 */
export function parseInstant(text: string, option: string): number {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseTimestamp(`${text}T00:00:00`) : parseTimestamp(text);
  if (t === undefined) throw new FilterOptionError(`${option}: "${text}" is not an ISO date (YYYY-MM-DD) or date-time`);
  return t;
}

/**
 * Reads `--users`: a file (one user id a line, blank lines and `#` comments skipped) when such a file exists, else
 * a comma-separated list.
 *
 * @example parseUsers("u1,u2") // ["u1", "u2"]
 */
export function parseUsers(value: string): string[] {
  const fromFile = existsSync(value);
  const items = fromFile ? readFileSync(value, "utf8").split(/\r?\n/) : value.split(",");
  const users = items.map((s) => s.trim()).filter((s) => s !== "" && !(fromFile && s.startsWith("#")));
  if (users.length === 0) throw new FilterOptionError(`--users: ${fromFile ? `the file ${value} lists` : "the list names"} no user id`);
  return users;
}

/** The raw option values commander hands a command's action. */
export interface FilterOptionValues {
  since?: string;
  until?: string;
  users?: string;
}

/**
 * The filter the options describe (`since` inclusive, `until` exclusive).
 *
 * @example filterFromOptions({ since: "2025-11-01", until: "2025-12-01" }) // November 2025, UTC
 */
export function filterFromOptions(o: FilterOptionValues): TableFilter {
  const filter: TableFilter = {};
  if (o.since !== undefined) filter.since = parseInstant(o.since, "--since");
  if (o.until !== undefined) filter.until = parseInstant(o.until, "--until");
  if (o.users !== undefined) filter.users = parseUsers(o.users);
  if (filter.since !== undefined && filter.until !== undefined && filter.since >= filter.until) {
    throw new FilterOptionError(`--since ${o.since} is not before --until ${o.until}`);
  }
  return filter;
}
