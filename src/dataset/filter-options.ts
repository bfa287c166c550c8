import { readFileSync, statSync } from "node:fs";
import { sep } from "node:path";
import { decodeMarked, INVALID_UTF8 } from "../load/utf8";
import { FilterOptionError } from "./parse-instant";
import { checkFilter, type CheckedFilter } from "./check-filter";

export { FilterOptionError, parseInstant } from "./parse-instant";

/** Endings that make a `--users` value a file's name, not a user id: such a value must name a file. */
const FILE_ENDING = /\.(txt|csv|tsv|lst|list|ids|json|ndjson|log)$/i;

/**
 * Reads `--users`, by one rule: a value naming an existing file (a named pipe or `<(…)` too) is that file, one user
 * id a line (blank lines skipped, `#` comments removed, whole-line or after a space); a value that looks like a path — it holds a `/` (or the
 * platform's separator) or ends with .txt, .csv, .tsv, .lst, .list, .ids, .json, .ndjson or .log — but names no file
 * is an error, and so is a folder; any other value is a comma-separated list of ids. Throws `FilterOptionError`
 * naming `option` (default `--users`).
 *
 * @example parseUsers("u1,u2") // ["u1", "u2"]; parseUsers("cohort/nov.txt") // throws "--users: no such file: cohort/nov.txt" when it is missing
 */
export function parseUsers(value: string, option = "--users"): string[] {
  const text = usersFileText(value, option);
  const fromFile = text !== undefined;
  // A file's `#` comments, whole-line or after a space (`u1  # the pilot's first`), are removed.
  const items = fromFile ? text.split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, "")) : value.split(",");
  const users = items.map((s) => s.trim()).filter((s) => s !== "");
  if (users.length === 0) throw new FilterOptionError(`${option}: ${fromFile ? `the file ${value} lists` : "the list names"} no user id`);
  return users;
}

/** The text of the file a `--users` value names; `undefined` when the value is a list of ids (see `parseUsers`). */
function usersFileText(value: string, option: string): string | undefined {
  const path = value.includes("/") || value.includes(sep) || FILE_ENDING.test(value);
  let folder: boolean;
  try {
    folder = statSync(value).isDirectory();
  } catch (error) {
    if (!path) return undefined; // not a file's name (a long list may even be too long for one)
    const code = (error as NodeJS.ErrnoException).code;
    throw new FilterOptionError(code === "ENOENT" || code === "ENOTDIR" ? `${option}: no such file: ${value}` : `${option}: cannot read ${value}: ${(error as Error).message}`);
  }
  if (folder) throw new FilterOptionError(`${option}: ${value} is a folder, not a file of user ids`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(value);
  } catch (error) {
    throw new FilterOptionError(`${option}: cannot read ${value}: ${(error as Error).message}`);
  }
  return decodeUsersFile(bytes, value, option);
}

/**
 * A file of user ids as text: UTF-8, a leading byte-order mark dropped. Bytes that are not UTF-8 are an error naming
 * the first line that holds them: decoded as U+FFFD they would make ids that match no row.
 */
function decodeUsersFile(bytes: Buffer, file: string, option: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = decodeMarked(bytes);
    const line = text.slice(0, text.indexOf(INVALID_UTF8)).split("\n").length;
    throw new FilterOptionError(`${option}: ${file}:${line}: holds bytes that are not UTF-8 (user ids are read as UTF-8)`);
  }
}

/** The raw option values commander hands a command's action. */
export interface FilterOptionValues {
  since?: string;
  until?: string;
  users?: string;
}

/**
 * The filter the options describe (`since` inclusive, `until` exclusive), checked by `checkFilter` as the library's
 * filters are. Errors name the options as `prefix` then `since`, `until`, `users` (`compare` reads `--a-since`… with
 * the prefix `--a-`). Default `--`.
 *
 * @example filterFromOptions({ since: "2025-11-01", until: "2025-12-01" }) // November 2025, UTC
 * filterFromOptions({ since: "soon" }, "--a-") // throws '--a-since: "soon" is not an ISO date (YYYY-MM-DD) or date-time'
 */
export function filterFromOptions(o: FilterOptionValues, prefix = "--"): CheckedFilter {
  const span = checkFilter({ since: o.since, until: o.until }, prefix);
  return o.users === undefined ? span : { ...span, users: parseUsers(o.users, `${prefix}users`) };
}
