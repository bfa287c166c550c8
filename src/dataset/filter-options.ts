import { readFileSync, statSync } from "node:fs";
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

/** A value that names a file rather than ids: it holds a path separator or ends in a list file's extension. */
const PATH_LIKE = /[/\\]|\.(txt|csv|tsv|list|ids|lst)$/i;

/** What `path` names: a regular file, something else (a folder, a device), or nothing. */
function pathKind(path: string): "file" | "other" | "none" {
  try {
    return statSync(path).isFile() ? "file" : "other";
  } catch {
    return "none";
  }
}

/**
 * Reads `--users`: a file when such a file exists — one user id a line; blank lines skipped, and `#` comments,
 * whole-line or after a space (`u1  # the pilot's first`), removed — else a comma-separated list. A value that
 * looks like a path (a `/`, or an extension such as `.txt`) but names no file is an error, not a list of one id that
 * would silently match no student; so is a folder. `option` names the option in errors.
 *
 * @example parseUsers("u1,u2") // ["u1", "u2"]
 */
export function parseUsers(value: string, option = "--users"): string[] {
  const kind = pathKind(value);
  if (kind === "other") throw new FilterOptionError(`${option}: ${value} is not a file (give a file with one user id a line, or a comma-separated list)`);
  if (kind === "none" && PATH_LIKE.test(value)) throw new FilterOptionError(`${option}: no such file: ${value}`);
  const items = kind === "file" ? readFileSync(value, "utf8").split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, "")) : value.split(",");
  const users = items.map((s) => s.trim()).filter((s) => s !== "");
  if (users.length === 0) throw new FilterOptionError(`${option}: ${kind === "file" ? `the file ${value} lists` : "the list names"} no user id`);
  return users;
}

/** The raw option values commander hands a command's action. */
export interface FilterOptionValues {
  since?: string;
  until?: string;
  users?: string;
}

/**
 * The filter the options describe (`since` inclusive, `until` exclusive). `prefix` is how errors name the options:
 * `"--"` gives `--since`, `"--a-"` (compare's side A) gives `--a-since`.
 *
 * @example filterFromOptions({ since: "2025-11-01", until: "2025-12-01" }) // November 2025, UTC
 */
export function filterFromOptions(o: FilterOptionValues, prefix = "--"): TableFilter {
  const filter: TableFilter = {};
  if (o.since !== undefined) filter.since = parseInstant(o.since, `${prefix}since`);
  if (o.until !== undefined) filter.until = parseInstant(o.until, `${prefix}until`);
  if (o.users !== undefined) filter.users = parseUsers(o.users, `${prefix}users`);
  if (filter.since !== undefined && filter.until !== undefined && filter.since >= filter.until) {
    throw new FilterOptionError(`${prefix}since ${o.since} is not before ${prefix}until ${o.until}`);
  }
  return filter;
}
