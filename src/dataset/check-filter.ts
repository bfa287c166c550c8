import type { FilterInstant, TableFilter } from "./filter-tables";
import { FilterOptionError, parseInstant } from "./parse-instant";

/** A `TableFilter` as `checkFilter` returns it: instants as epoch milliseconds (UTC), users as a list of ids. */
export interface CheckedFilter {
  since?: number;
  until?: number;
  users?: string[];
}

/**
 * Checks a filter and reads it, the one way every entry point does (`filterTables`, `filterData`, `isFiltering`, and
 * the CLI's `--since`/`--until`/`--users` through `filterFromOptions`): `since` and `until` may be a `Date`, epoch
 * milliseconds or an ISO date or date-time string (read as `--since` is: `parseInstant`, UTC unless it has an
 * offset); `users` a list or a set of ids. Errors are one line naming the option as `prefix` then `since`, `until`,
 * `users` (default no prefix): `FilterOptionError` for an instant that cannot be read (an invalid `Date`, `NaN`,
 * `"2025-02-30"`) and for `since` not before `until`; `TypeError` for `users` that is not a list of strings (a string
 * is one: of its characters). An absent option (`undefined`) is left out.
 *
 * @example checkFilter({ since: "2025-11-01", until: new Date("2025-12-01") }) // { since: 1761955200000, until: 1764547200000 }
 * checkFilter({ users: "u1" }) // throws 'users: expected a list of user ids such as ["u1"], got the string "u1" (a string is read as its characters)'
 */
export function checkFilter(filter: TableFilter, prefix = ""): CheckedFilter {
  const checked: CheckedFilter = {};
  if (filter.since !== undefined) checked.since = instant(filter.since, `${prefix}since`);
  if (filter.until !== undefined) checked.until = instant(filter.until, `${prefix}until`);
  if (filter.users !== undefined) checked.users = userIds(filter.users, `${prefix}users`);
  if (checked.since !== undefined && checked.until !== undefined && checked.since >= checked.until) {
    throw new FilterOptionError(`${prefix}since ${shown(filter.since!)} is not before ${prefix}until ${shown(filter.until!)}`);
  }
  return checked;
}

/** An instant as epoch milliseconds; throws naming `option` when there is none. */
function instant(value: FilterInstant, option: string): number {
  if (typeof value === "string") return parseInstant(value, option);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new FilterOptionError(`${option}: the Date is invalid (new Date of a text it could not read)`);
    return value.getTime();
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new FilterOptionError(`${option}: ${value} is not epoch milliseconds`);
    return value;
  }
  throw new TypeError(`${option}: expected a Date, epoch milliseconds or an ISO date string, got ${described(value)}`);
}

/** The ids of a list or a set of strings; throws naming `option` for anything else (a string above all). */
function userIds(value: unknown, option: string): string[] {
  const example = `expected a list of user ids such as ["u1"]`;
  if (typeof value === "string") throw new TypeError(`${option}: ${example}, got the string ${JSON.stringify(cut(value))} (a string is read as its characters)`);
  if (value === null || typeof value !== "object" || typeof (value as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`${option}: ${example}, got ${described(value)}`);
  }
  const ids = [...(value as Iterable<unknown>)];
  const k = ids.findIndex((id) => typeof id !== "string");
  if (k >= 0) throw new TypeError(`${option}: ${example}, got a list holding ${described(ids[k])}`);
  return ids as string[];
}

/** An instant as the user gave it, for a message: a string as it is, a `Date` or a number in ISO 8601. */
function shown(value: FilterInstant): string {
  return typeof value === "string" ? value : new Date(value).toISOString();
}

/** A value's kind for a message: `null`, `the number 5`, `an object`. */
function described(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return `the string ${JSON.stringify(cut(value))}`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return `the ${typeof value} ${String(value)}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A long text cut to 40 characters for a one-line message. */
function cut(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
