import { Command, Option } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions } from "./cache-options";

/** `metrics-kit sql [LOG…] "select …"`: DuckDB over the kit's tables (sessions, scores, media, joined, timelines). */
export function sqlCommand(): Command {
  const command = new Command("sql")
    .description("run a DuckDB query over the kit's validated tables: sessions, scores, media, joined, timelines (files too: read_parquet(...))")
    .argument("<logs-and-query...>", "log files (default $INTERVIEW_METRICS_LOG_PATH or metrics.log), then the query (a query that starts with -- goes after a lone --; of several statements, the last one's result is printed)")
    .addOption(new Option("--json", "print a JSON array of row objects").default(false).conflicts("csv"))
    .option("--csv", "print CSV", false)
    .option("--strict", "stop with exit status 1 at the first bad line", false);
  return cacheOptions(filterOptions(command)).action(async (args: string[], o) => {
    // Loaded here, not at start: `metrics-kit --help` and the other commands do not pay for them.
    const { sqlArguments } = await import("./sql-arguments");
    const { logs, query } = sqlArguments(args); // before the log is read
    const { loadFilteredTables } = await import("./load-filtered-tables");
    const { issueCountLine } = await import("./issue-count");
    const { sql } = await import("../sql/sql");
    const { formatCsv, formatJson, formatTextTable } = await import("../sql/format-result");
    const tables = await loadFilteredTables(logs, o, { strict: o.strict });
    process.stderr.write(issueCountLine(tables));
    const result = await sql(tables, query);
    const { writeStdout } = await import("../io/write-output");
    // synchronously, as the other commands write: a closed pipe (`| head`) is then one line, not an unhandled error
    writeStdout(Buffer.from(`${o.json ? formatJson(result) : o.csv ? formatCsv(result).trimEnd() : formatTextTable(result)}\n`));
  });
}
