import { checkOutput } from "../io/output-check";
import { writeOutput } from "../io/write-output";
import { loadTables, type LoadTablesOptions, type MetricsTables } from "../join/load-tables";
import { resolveSources } from "../load/read-metrics";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { reportData, type ReportData, type ReportDataOptions } from "./report-data";
import { reportHtml } from "./report-html";

/** Options of `writeReport`. */
export interface WriteReportOptions extends ReportDataOptions {
  /** Rules the tuner starts from and the figures' threshold lines use. Default today's. */
  rules?: RulesConfig;
  /** Overwrite an existing file. Default false. */
  force?: boolean;
  /** How the logs are read (`loadTables` options: strictness, workers, the cache). */
  read?: LoadTablesOptions;
  /** Files the report is made from besides the logs (a rules or users file): `out` may not be one of them. */
  inputs?: readonly string[];
}

/**
 * Loads logs and writes the self-contained HTML report (data quality, dimension quality, features, progress,
 * replay, tuner), `-` = stdout. Refuses an existing file or symbolic link without `force`, and a log being read (or
 * one of `options.inputs`) even with it (checked before the logs are read, see `checkOutput`); makes the folder;
 * writes atomically (`writeOutput`). Returns the data and the file's size.
 *
 * @example await writeReport("metrics.log", "build/report.html", { force: true })
 */
export async function writeReport(sources: string | readonly string[] | undefined, out: string, options: WriteReportOptions = {}): Promise<{ data: ReportData; bytes: number }> {
  checkOutput(out, Boolean(options.force), [...resolveSources(sources), ...(options.inputs ?? [])]);
  return writeTablesReport(await loadTables(sources, options.read), out, options);
}

/**
 * `writeReport` over tables already loaded (filtered, say): the report of `tables`, written atomically.
 *
 * @example await writeTablesReport(filterTables(t, { since: "2025-11-01" }), "build/nov.html", { force: true })
 */
export function writeTablesReport(tables: MetricsTables, out: string, options: WriteReportOptions = {}): { data: ReportData; bytes: number } {
  const data = reportData(tables, options.rules ?? defaultRules(), options);
  return { data, bytes: writeOutput(out, reportHtml(data), { force: options.force }) };
}
