import { Command, Option } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions, type CacheOptionValues } from "./cache-options";
import type { FilterOptionValues } from "../dataset/filter-options";
import type { MetricsTables } from "../join/load-tables";

/** The options of `sql` its loading reads. */
type LoadOptionValues = FilterOptionValues & CacheOptionValues & { strict?: boolean };

/** What `sql --force` allows, for its help. */
const FORCE = "run statements that can write files (COPY … TO, and COPY … FROM with it; EXPORT DATABASE; ATTACH; COPY FROM DATABASE; " +
  "EXPLAIN, PREPARE and EXECUTE, which can run one unseen) and change DuckDB's settings (profiling_output, log_query_path name files " +
  "it writes); refused without it (exit 2, before the query runs). With it DuckDB may write any file, the logs included: the kit " +
  "cannot keep them out (DuckDB's allowed_paths only allow). To write datasets, use metrics-kit export";

/** `metrics-kit sql [LOG…] "select …"`: DuckDB over the kit's tables (sessions, scores, media, joined, timelines). */
export function sqlCommand(): Command {
  const command = new Command("sql")
    .description("run a DuckDB query over the kit's validated tables: sessions, scores, media, joined, timelines (files too: read_parquet(...))")
    .argument("<logs-and-query...>", "log files (default $INTERVIEW_METRICS_LOG_PATH or metrics.log; none is read when the query names none of " +
      "the kit's tables), then the query (a query that starts with -- goes after a lone --; of several statements, the last one's result is printed, and a note on stderr says so when more than one returns rows)")
    .addOption(new Option("--json", "print a JSON array of row objects").default(false).conflicts("csv"))
    .option("--csv", "print CSV", false)
    .option("--strict", "stop with exit status 1 at the first bad line", false)
    .option("--force", FORCE, false);
  return cacheOptions(filterOptions(command)).action(async (args: string[], o) => {
    // Loaded here, not at start: `metrics-kit --help` and the other commands do not pay for them.
    const { sqlArguments } = await import("./sql-arguments");
    const { logs, query } = sqlArguments(args); // before the log is read
    const { referencedTables } = await import("../sql/duckdb-session");
    const { sql } = await import("../sql/sql");
    const { formatCsv, formatJson, formatTextTable } = await import("../sql/format-result");
    const tables = referencedTables(query).length > 0 ? await loadTables(logs, o) : await noTables(o);
    const result = await sql(tables, query, {
      force: o.force,
      onStatements: ({ withRows }) => {
        if (withRows > 1) process.stderr.write(`metrics-kit: sql: ${withRows} statements of the query return rows; only the last statement's result is printed\n`);
      },
    });
    const { writeStdout } = await import("../io/write-output");
    // synchronously, as the other commands write: a closed pipe (`| head`) is then one line, not an unhandled error
    writeStdout(Buffer.from(`${o.json ? formatJson(result) : o.csv ? formatCsv(result).trimEnd() : formatTextTable(result)}\n`));
  });
}

/** The logs' tables, filtered by the options, and the load's issue count on stderr. */
async function loadTables(logs: string[], o: LoadOptionValues): Promise<MetricsTables> {
  const { loadFilteredTables } = await import("./load-filtered-tables");
  const { issueCountLine } = await import("./issue-count");
  const tables = await loadFilteredTables(logs, o, { strict: o.strict });
  process.stderr.write(issueCountLine(tables));
  return tables;
}

/** No tables, for a query that names none of the kit's: no log is read (the filter options are still checked). */
async function noTables(o: LoadOptionValues): Promise<undefined> {
  const { filterFromOptions } = await import("../dataset/filter-options");
  filterFromOptions(o);
  return undefined;
}
