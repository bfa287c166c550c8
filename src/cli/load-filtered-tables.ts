import { loadTables, type LoadTablesOptions, type MetricsTables } from "../join/load-tables";
import { filterTables, isFiltering } from "../dataset/filter-tables";
import { filterFromOptions, type FilterOptionValues } from "../dataset/filter-options";

/**
 * `loadTables`, then `filterTables` with the filter `--since`/`--until`/`--users` describe (checked before the
 * load, so a bad date fails at once).
 *
 * @example await loadFilteredTables(["metrics.log"], { since: "2025-11-01" })
 */
export async function loadFilteredTables(logs: string | readonly string[] | undefined, o: FilterOptionValues, options: LoadTablesOptions = {}): Promise<MetricsTables> {
  const filter = filterFromOptions(o);
  const sources = typeof logs === "string" || (logs && logs.length > 0) ? logs : undefined;
  const tables = await loadTables(sources, options);
  return isFiltering(filter) ? filterTables(tables, filter) : tables;
}
