import { existsSync, mkdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { makeFolders } from "../io/make-folders";
import { removeStaleStaging, stagingFolder } from "../io/temp-files";
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
  /** Replace the table folders that exist in `dir` (`dir/sessions/`, …). Default false. Nothing else in `dir` is touched. */
  force?: boolean;
  /** The files the tables were read from (logs, a `--users` file): a table folder that holds one is never replaced, even with `force`. */
  inputs?: readonly string[];
}

/** What `exportTables` wrote: rows per table. */
export type ExportResult = Partial<Record<DatasetTable, number>>;

/**
 * Writes the kit's tables as datasets, one folder per table (`dir/sessions/`, `dir/media/`, …): Parquet
 * partitioned by the UTC month of `ts` (hive style, `month=2025-11/`), CSV, Arrow IPC or NDJSON, typed by
 * `columnKinds` (timestamps UTC, ids strings, lists lists, `NaN` → null). Everything is written into a temporary
 * sibling folder first and each table's folder renamed into place at the end, so a crash leaves no half dataset.
 * Refuses (`OutputExistsError`, before writing anything) a table folder that exists already, unless `force`; only
 * those folders are ever replaced, the rest of `dir` is left as it is (`checkExportTarget`).
 *
 * @example await exportTables(t, "out", { format: "parquet", tables: ["sessions", "scores"] })
 */
export async function exportTables(tables: MetricsTables, dir: string, options: ExportOptions): Promise<ExportResult> {
  const target = resolve(dir);
  checkExportTarget(dir, options);
  makeFolders(dirname(target));
  removeStaleStaging(target);
  const staging = stagingFolder(target);
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
    replaceDir(staging, target, names, Boolean(options.force));
    return written;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Throws when `exportTables(…, dir, options)` would have to replace what it must not: `dir` is not a folder, or one
 * of its table folders exists without `force`, or holds one of `options.inputs`. The CLI calls it before the log is read.
 *
 * @example checkExportTarget("out", { format: "csv", tables: ["sessions"] })
 */
export function checkExportTarget(dir: string, options: ExportOptions): void {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new Error(`${dir} is not a folder`);
  const inputs = (options.inputs ?? []).filter((f) => f !== "-" && existsSync(f)).map((f) => realpathSync(f));
  for (const name of options.tables ?? DATASET_TABLES) {
    const folder = join(target, name);
    if (!existsSync(folder)) continue;
    if (!options.force) throw new OutputExistsError(join(dir, name));
    const real = realpathSync(folder);
    if (inputs.some((f) => isInside(real, f))) throw new Error(`${join(dir, name)} holds a file being read (a log or a --users file); it is not replaced`);
  }
}

/** True when `path` is `folder` or lies somewhere below it (both real paths). */
function isInside(folder: string, path: string): boolean {
  const up = relative(folder, path);
  return up !== ".." && !up.startsWith(`..${sep}`);
}

/**
 * Moves each table folder of `staging` into `target` (`staging` itself when there is no `target` yet). A table
 * folder already there is set aside with `force`; without it the move fails rather than replace one that appeared
 * meanwhile (`OutputExistsError`). Every table is moved in before any old one is deleted (deleting a large dataset
 * takes seconds): a process killed meanwhile leaves the old and new tables mixed only for the time of a few renames,
 * and what it set aside is deleted by the next export to `target` (`removeStaleStaging`). Nothing else in `target`
 * is touched.
 */
function replaceDir(staging: string, target: string, names: readonly string[], force: boolean): void {
  if (!existsSync(target)) return moveInto(staging, target);
  const olds: string[] = [];
  for (const name of names) {
    const to = join(target, name);
    if (force && existsSync(to)) {
      const old = `${staging}.old-${name}`;
      renameSync(to, old);
      olds.push(old);
    }
    moveInto(join(staging, name), to);
  }
  for (const old of olds) rmSync(old, { recursive: true, force: true });
  rmdirSync(staging);
}

/** Renames a folder to `to`, which must be free (or an empty folder): one that is taken is an `OutputExistsError`. */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR") throw new OutputExistsError(to);
    throw error;
  }
}
