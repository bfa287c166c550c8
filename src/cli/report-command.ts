import { Command } from "commander";
import { filterOptions } from "./filter-options";
import { cacheOptions } from "./cache-options";

/** `metrics-kit report [LOG…] --out FILE.html`: the self-contained HTML report with the live tuner. */
export function reportCommand(): Command {
  return cacheOptions(filterOptions(new Command("report")))
    .description("write a self-contained HTML report (data quality, dimensions, features, progress, live threshold tuner)")
    .argument("[logs...]", "log files (.gz ok, - for stdin); default $INTERVIEW_METRICS_LOG_PATH or metrics.log")
    .requiredOption("--out <file>", "the HTML file to write, - for stdout")
    .option("--rules <file>", "rules JSON the tuner starts from (default today's)")
    .option("--title <text>", "the report's title", "Interview metrics report")
    .option("--force", "overwrite an existing file (a symbolic link is replaced, not followed)", false)
    .action(async (logs: string[], o) => {
      const { writeFilteredReport } = await import("./filtered-report");
      const { readRules } = await import("../rules/rules-file");
      const { cacheFromOptions } = await import("./cache-options");
      const { data, bytes } = await writeFilteredReport(logs, o.out, { rules: readRules(o.rules), title: o.title, force: Boolean(o.force), read: cacheFromOptions(o), inputs: o.rules !== undefined ? [o.rules] : [] }, o);
      const { reportLine } = await import("../report/report-line");
      // With --out - the HTML is stdout: the summary line goes to stderr.
      (o.out === "-" ? process.stderr : process.stdout).write(`${reportLine(o.out, bytes, data)}\n`);
    });
}
