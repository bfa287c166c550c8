import { checkOutput } from "../io/output-check";
import { writeOutput } from "../io/write-output";
import type { FilterOptionValues } from "../dataset/filter-options";
import { reportData, type ReportData } from "../report/report-data";
import { reportHtml } from "../report/report-html";
import { defaultRules } from "../rules/rules-config";
import { writeReport, type WriteReportOptions } from "../report/write-report";
import { loadFilteredTables } from "./load-filtered-tables";

/**
 * `writeReport` over the sessions `--since`/`--until`/`--users` select (plain `writeReport` when none is given).
 *
 * @example await writeFilteredReport(["metrics.log"], "build/nov.html", { force: true }, { since: "2025-11-01" })
 */
export async function writeFilteredReport(logs: readonly string[], out: string, options: WriteReportOptions, filter: FilterOptionValues): Promise<{ data: ReportData; bytes: number }> {
  if (filter.since === undefined && filter.until === undefined && filter.users === undefined) return writeReport(logs.length ? logs : undefined, out, options);
  checkOutput(out, Boolean(options.force));
  const tables = await loadFilteredTables(logs, filter, options.read);
  const data = reportData(tables, options.rules ?? defaultRules(), options);
  return { data, bytes: writeOutput(out, reportHtml(data), { force: options.force }) };
}
