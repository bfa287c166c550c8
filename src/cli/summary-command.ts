import { Command } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions, memoOption } from "./cache-options";

/** `metrics-kit summary [LOG…]`: counts, issues, dimensions and media coverage. */
export function summaryCommand(): Command {
  return memoOption(cacheOptions(filterOptions(new Command("summary"))))
    .description("summarise logs: counts, time range, issues by code and line, dimensions, media coverage")
    .argument("[logs...]", "log files (.gz ok, - for stdin); default $INTERVIEW_METRICS_LOG_PATH or metrics.log")
    .option("--json", "print the summary as JSON", false)
    .option("--strict", "stop with exit status 1 at the first bad line", false)
    .action(async (logs: string[], o, command: Command) => {
      // Loaded here, not at start: `metrics-kit --help` and the other commands do not pay for them.
      const { loadFilteredTables } = await import("./load-filtered-tables");
      const { summarize } = await import("../summary/summarize");
      const { formatSummary } = await import("../summary/format-summary");
      const { CommandOutput } = await import("./command-output");
      const out = CommandOutput.start(command, o, logs, [o.users]);
      const tables = await loadFilteredTables(logs, o, { strict: o.strict }, (line) => out.note(line));
      const summary = summarize(tables);
      out.write(o.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
      out.end();
    });
}
