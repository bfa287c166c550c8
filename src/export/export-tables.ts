import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { MetricsTables } from "../join/load-tables";
import { OutputExistsError } from "../io/output-check";
import { datasetTable } from "../dataset/dataset-tables";
import { DATASET_TABLES, type DatasetTable } from "../dataset/table-names";
import { withDuckDB } from "../sql/duckdb-session";
import { registerTable } from "../sql/register-table";
import { quoteIdentifier } from "../sql/quote";
import { copyTable } from "./copy-table";
import { writeArrowFile } from "./arrow-file";
import type { ExportFormat } from "./export-formats";

export { EXPORT_FORMATS, type ExportFormat } from "./export-formats";

/** Options of `exportTables`. */
export interface ExportOptions {
  format: ExportFormat;
  /** Tables to write; default all of `DATASET_TABLES`. */
  tables?: readonly DatasetTable[];
  /** Replace an existing non-empty `dir`. Default false. */
  force?: boolean;
}

/** What `exportTables` wrote: rows per table. */
export type ExportResult = Partial<Record<DatasetTable, number>>;

/**
 * Writes the kit's tables as datasets, one folder per table (`dir/sessions/`, `dir/media/`, …): Parquet
 * partitioned by the UTC month of `ts` (hive style, `month=2025-11/`), CSV, Arrow IPC or NDJSON, typed by
 * `columnKinds` (timestamps UTC, ids strings, lists lists, `NaN` → null). Everything is written into a temporary
 * sibling folder first and renamed into place at the end, so a crash leaves no half dataset. Refuses an existing
 * non-empty `dir` without `force`.
 *
 * @example await exportTables(t, "out", { format: "parquet", tables: ["sessions", "scores"] })
 */
export async function exportTables(tables: MetricsTables, dir: string, options: ExportOptions): Promise<ExportResult> {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0 && !options.force) throw new OutputExistsError(dir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    const names = options.tables ?? DATASET_TABLES;
    for (const name of names) mkdirSync(join(staging, name));
    const written = options.format === "arrow"
      ? Object.fromEntries(names.map((name) => [name, writeArrowFile(datasetTable(tables, name), join(staging, name, `${name}.arrow`))]))
      : await withDuckDB(tables, [], async (connection) => {
          const rows: ExportResult = {};
          for (const name of names) {
            const table = datasetTable(tables, name);
            await copyTable(connection, name, await registerTable(connection, name, table), join(staging, name), options.format as Exclude<ExportFormat, "arrow">);
            await connection.run(`DROP TABLE ${quoteIdentifier(name)}`);
            rows[name] = table.numRows();
          }
          return rows;
        });
    replaceDir(staging, target);
    return written;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Moves `staging` to `target`, the old `target` (if any) set aside first and removed after. */
function replaceDir(staging: string, target: string): void {
  if (!existsSync(target)) return renameSync(staging, target);
  const old = `${staging}.old`;
  renameSync(target, old);
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
}
