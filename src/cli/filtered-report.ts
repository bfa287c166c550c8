import { checkOutput } from "../io/output-check";
import type { FilterOptionValues } from "../dataset/filter-options";
import type { ReportData } from "../report/report-data";
import { writeTablesReport, type WriteReportOptions } from "../report/write-report";
import { loadFilteredTables } from "./load-filtered-tables";
import { resolveSources } from "../load/read-metrics";

/**
 * `writeReport` over the sessions `--since`/`--until`/`--users` select (all of them when none is given): the
 * destination is checked before the logs are read.
 *
 * @example await writeFilteredReport(["metrics.log"], "build/nov.html", { force: true }, { since: "2025-11-01" })
 */
export async function writeFilteredReport(logs: readonly string[], out: string, options: WriteReportOptions, filter: FilterOptionValues): Promise<{ data: ReportData; bytes: number }> {
  checkOutput(out, Boolean(options.force), resolveSources(logs));
  return writeTablesReport(await loadFilteredTables(logs, filter, options.read), out, options);
}
