import { Command } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions } from "./cache-options";

/**
 * The query of `sql`'s arguments: the last one. Refused before any load when it is blank, or when it names a file
 * (`metrics-kit sql metrics.log`: the query was forgotten and the log would be run as SQL).
 */
async function queryOf(args: readonly string[]): Promise<string> {
  const query = args[args.length - 1];
  if (query.trim() === "") throw new Error("sql: the query is empty (give it after the log files)");
  const { statSync } = await import("node:fs");
  let isFile = false;
  try {
    isFile = statSync(query).isFile();
  } catch {
    // not a path (ENOENT, ENAMETOOLONG for a long query, …): a query
  }
  if (isFile) throw new Error(`sql: the last argument must be the query, and ${query} is a file (give the query after the log files)`);
  return query;
}

/** `metrics-kit sql [LOG…] "select …"`: DuckDB over the kit's tables (sessions, scores, media, joined, timelines). */
export function sqlCommand(): Command {
  const command = new Command("sql")
    .description("run a DuckDB query over the kit's validated tables: sessions, scores, media, joined, timelines (files too: read_parquet(...))")
    .argument("<logs-and-query...>", "log files (default $INTERVIEW_METRICS_LOG_PATH or metrics.log), then the query")
    .option("--json", "print a JSON array of row objects", false)
    .option("--csv", "print CSV", false)
    .option("--strict", "stop with exit status 1 at the first bad line", false);
  return cacheOptions(filterOptions(command)).action(async (args: string[], o) => {
    // Loaded here, not at start: `metrics-kit --help` and the other commands do not pay for them.
    const { loadFilteredTables } = await import("./load-filtered-tables");
    const { issueCountLine } = await import("./issue-count");
    const { sql } = await import("../sql/sql");
    const { formatCsv, formatJson, formatTextTable } = await import("../sql/format-result");
    const query = await queryOf(args);
    const tables = await loadFilteredTables(args.slice(0, -1), o, { strict: o.strict });
    process.stderr.write(issueCountLine(tables));
    const result = await sql(tables, query);
    const { writeStdout } = await import("../io/write-output");
    // synchronously, as the other commands write: a closed pipe (`| head`) is then one line, not an unhandled error
    writeStdout(Buffer.from(`${o.json ? formatJson(result) : o.csv ? formatCsv(result).trimEnd() : formatTextTable(result)}\n`));
  });
}
