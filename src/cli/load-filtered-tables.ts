import { loadTables, type LoadTablesOptions, type MetricsTables } from "../join/load-tables";
import { filterTables, isFiltering } from "../dataset/filter-tables";
import { filterFromOptions, type FilterOptionValues } from "../dataset/filter-options";
import { cacheFromOptions, type CacheOptionValues } from "./cache-options";
import { unknownUsersLine } from "./unknown-users-line";

/**
 * `loadTables`, then `filterTables` with the filter `--since`/`--until`/`--users` describe (checked before the
 * load, so a bad date fails at once), through the cache `--cache-dir`/`--no-cache` describe. `--users` ids that no
 * row of the logs has are told through `warn` (one line, default stderr), as they select nothing.
 *
 * @example await loadFilteredTables(["metrics.log"], { since: "2025-11-01" })
 */
export async function loadFilteredTables(
  logs: string | readonly string[] | undefined, o: FilterOptionValues & CacheOptionValues, options: LoadTablesOptions = {},
  warn: (line: string) => void = (line) => process.stderr.write(line),
): Promise<MetricsTables> {
  const filter = filterFromOptions(o);
  const sources = typeof logs === "string" || (logs && logs.length > 0) ? logs : undefined;
  const tables = await loadTables(sources, { ...cacheFromOptions(o), ...options });
  const unknown = unknownUsersLine(tables.data, filter.users && [...filter.users], "--users");
  if (unknown !== undefined) warn(unknown);
  return isFiltering(filter) ? filterTables(tables, filter) : tables;
}
