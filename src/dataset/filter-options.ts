import { existsSync, readFileSync } from "node:fs";
import { Command } from "commander";
import { parseTimestamp } from "../schema/timestamp";
import { loadTables, type LoadTablesOptions, type MetricsTables } from "../join/load-tables";
import { filterTables, isFiltering, type TableFilter } from "./filter-tables";

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

/**
 * Adds `--since`, `--until` and `--users` to a command (read them back with `filterFromOptions` or
 * `loadFilteredTables`).
 *
 * @example filterOptions(new Command("summary")).action(async (logs, o) => loadFilteredTables(logs, o))
 */
export function filterOptions(command: Command): Command {
  return command
    .option("--since <date>", "keep sessions at or after this ISO date or date-time (UTC)")
    .option("--until <date>", "keep sessions before this ISO date or date-time (UTC, exclusive)")
    .option("--users <file|list>", "keep sessions of these students: a file with one user id a line, or a comma-separated list");
}

/**
 * `loadTables`, then `filterTables` with the filter the options describe (the filter is checked before the load).
 *
 * @example await loadFilteredTables(["metrics.log"], { since: "2025-11-01" })
 */
export async function loadFilteredTables(logs: string | readonly string[] | undefined, o: FilterOptionValues, options: LoadTablesOptions = {}): Promise<MetricsTables> {
  const filter = filterFromOptions(o);
  const sources = typeof logs === "string" || (logs && logs.length > 0) ? logs : undefined;
  const tables = await loadTables(sources, options);
  return isFiltering(filter) ? filterTables(tables, filter) : tables;
}
