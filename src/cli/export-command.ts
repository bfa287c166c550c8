import { join } from "node:path";
import { Command, Option } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions } from "./cache-options";
import { EXPORT_FORMATS, type ExportFormat } from "../export/export-formats";

/** `metrics-kit export [LOG…] --format F --out DIR`: the kit's tables as datasets for pandas, polars, DuckDB, Spark. */
export function exportCommand(): Command {
  const command = new Command("export")
    .description("write the kit's tables as datasets (one folder per table; Parquet partitioned by month of ts)")
    .argument("[logs...]", "log files (.gz ok, - for stdin); default $INTERVIEW_METRICS_LOG_PATH or metrics.log")
    .addOption(new Option("--format <format>", "dataset format").choices(EXPORT_FORMATS).default("parquet"))
    .requiredOption("--out <dir>", "the folder to write the table folders in (one already there is refused, unless --force)")
    .option("--tables <list>", "tables to write: sessions,scores,media,joined,timelines", "sessions,scores,media,joined,timelines")
    .option("--force", "replace the table folders already in --out (nothing else in it is touched)", false)
    .option("--strict", "stop with exit status 1 at the first bad line", false);
  return cacheOptions(filterOptions(command)).action(async (logs: string[], o) => {
    const { parseTableNames } = await import("../dataset/table-names");
    const { loadFilteredTables } = await import("./load-filtered-tables");
    const { issueCountLine } = await import("./issue-count");
    const { checkExportTarget, exportTables } = await import("../export/export-tables");
    const { resolveSources } = await import("../load/read-metrics");
    const names = parseTableNames(o.tables);
    const options = { format: o.format as ExportFormat, tables: names, force: Boolean(o.force), inputs: [...resolveSources(logs.length > 0 ? logs : undefined), ...(o.users !== undefined ? [o.users] : [])] };
    checkExportTarget(o.out, options); // before the log is read
    const tables = await loadFilteredTables(logs, o, { strict: o.strict });
    process.stderr.write(issueCountLine(tables));
    const written = await exportTables(tables, o.out, options);
    for (const [name, rows] of Object.entries(written)) process.stdout.write(`${join(o.out, name)}/ ${rows} rows (${o.format})\n`);
  });
}
