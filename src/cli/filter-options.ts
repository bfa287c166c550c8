import type { Command } from "commander";
import { loadTables, type LoadTablesOptions, type MetricsTables } from "../join/load-tables";
import { filterTables, isFiltering } from "../dataset/filter-tables";
import { filterFromOptions, type FilterOptionValues } from "../dataset/filter-options";

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
