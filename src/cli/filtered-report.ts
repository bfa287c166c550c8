import { checkOutput } from "../io/output-check";
import type { FilterOptionValues } from "../dataset/filter-options";
import type { ReportData } from "../report/report-data";
import { writeTablesReport, type WriteReportOptions } from "../report/write-report";
import { loadFilteredTables } from "./load-filtered-tables";
import { resolveSources } from "../load/read-metrics";

/**
 * `writeReport` over the sessions `--since`/`--until`/`--users` select (all of them when none is given): the
 * destination is checked before the logs are read (never a log, the `--users` file or one of `options.inputs`).
 *
 * @example await writeFilteredReport(["metrics.log"], "build/nov.html", { force: true }, { since: "2025-11-01" })
 */
export async function writeFilteredReport(logs: readonly string[], out: string, options: WriteReportOptions, filter: FilterOptionValues): Promise<{ data: ReportData; bytes: number }> {
  const inputs = [...resolveSources(logs), ...(filter.users !== undefined ? [filter.users] : []), ...(options.inputs ?? [])];
  checkOutput(out, Boolean(options.force), inputs);
  return writeTablesReport(await loadFilteredTables(logs, filter, options.read), out, options);
}
