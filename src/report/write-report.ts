import { checkOutput } from "../io/output-check";
import { writeOutput } from "../io/write-output";
import { loadTables } from "../join/load-tables";
import type { ReadOptions } from "../load/read-metrics";
import { defaultRules, type RulesConfig } from "../rules/rules-config";
import { reportData, type ReportData, type ReportDataOptions } from "./report-data";
import { reportHtml } from "./report-html";

/** Options of `writeReport`. */
export interface WriteReportOptions extends ReportDataOptions {
  /** Rules the tuner starts from and the figures' threshold lines use. Default today's. */
  rules?: RulesConfig;
  /** Overwrite an existing file. Default false. */
  force?: boolean;
  read?: ReadOptions;
}

/**
 * Loads logs and writes the self-contained HTML report (data quality, dimension quality, features, progress,
 * replay, tuner), `-` = stdout. Refuses an existing file or symbolic link without `force` (checked before the logs
 * are read); makes the folder; writes atomically (`writeOutput`). Returns the data and the file's size.
 *
 * @example await writeReport("metrics.log", "build/report.html", { force: true })
 */
export async function writeReport(sources: string | readonly string[] | undefined, out: string, options: WriteReportOptions = {}): Promise<{ data: ReportData; bytes: number }> {
  checkOutput(out, Boolean(options.force));
  const tables = await loadTables(sources, options.read);
  const data = reportData(tables, options.rules ?? defaultRules(), options);
  const bytes = writeOutput(out, reportHtml(data), { force: options.force });
  return { data, bytes };
}
