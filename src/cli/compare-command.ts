import { Command } from "commander";
import { cacheOptions } from "./cache-options";
import { USERS_VALUE } from "./filter-options";

/** `metrics-kit compare [LOG…] --a-… --b-…`: two time windows or two cohorts of one load, side by side. */
export function compareCommand(): Command {
  const command = new Command("compare")
    .description("two time windows or two cohorts side by side: counts, dimension quality figures and verdicts, with the change from A to B")
    .argument("[logs...]", "log files (.gz ok, - for stdin); default $INTERVIEW_METRICS_LOG_PATH or metrics.log")
    .option("--json", "print JSON", false);
  for (const side of ["a", "b"]) {
    command.option(`--${side}-since <date>`, `side ${side.toUpperCase()}: sessions at or after this ISO date (UTC)`)
      .option(`--${side}-until <date>`, `side ${side.toUpperCase()}: sessions before this ISO date (UTC, exclusive)`)
      .option(`--${side}-users <file|list>`, `side ${side.toUpperCase()}: these students, ${USERS_VALUE}`);
  }
  return cacheOptions(command).action(async (logs: string[], o) => {
    // Loaded here, not at start: `metrics-kit --help` and the other commands do not pay for them.
    const { loadTables } = await import("../join/load-tables");
    const { cacheFromOptions } = await import("./cache-options");
    const { filterTables } = await import("../dataset/filter-tables");
    const { filterFromOptions } = await import("../dataset/filter-options");
    const { compare } = await import("../dataset/compare");
    const { formatCompare } = await import("../dataset/format-compare");
    const [fa, fb] = [filterFromOptions({ since: o.aSince, until: o.aUntil, users: o.aUsers }, "--a-"), filterFromOptions({ since: o.bSince, until: o.bUntil, users: o.bUsers }, "--b-")];
    const t = await loadTables(logs.length ? logs : undefined, cacheFromOptions(o));
    const { writeStdout } = await import("../io/write-output");
    const { unknownUsersLine } = await import("./unknown-users-line");
    for (const [f, option] of [[fa, "--a-users"], [fb, "--b-users"]] as const) process.stderr.write(unknownUsersLine(t.data, f.users && [...f.users], option) ?? "");
    const c = compare(filterTables(t, fa), filterTables(t, fb));
    // synchronously, as the other commands write: a closed pipe (`| head`) is then one line, not an unhandled error
    if (o.json) return writeStdout(Buffer.from(`${JSON.stringify(c, null, 2)}\n`));
    writeStdout(Buffer.from(`${formatCompare(c)}\n`));
  });
}
