import type { Command } from "commander";

/** How a `--users` value is read (`parseUsers`), for its help and that of `compare`'s `--a-users`, `--b-users`. */
export const USERS_VALUE = "an existing file with one user id a line (whatever its name: not CSV columns nor JSON), or a " +
  "comma-separated list of ids (a value with a / or ending in .txt, .csv, .tsv, .lst, .list, .ids, .json, .ndjson or .log must name a file)";

/** What a filter does to the timelines, told below the options of every command that has them. */
export const FILTERED_TIMELINES = [
  "With --since, --until or --users each student's sessions are numbered inside the",
  "window: session_index starts at 1 at the first session kept, and progress",
  "(students with at least 3 sessions) counts only the sessions kept.",
].join("\n");

/**
 * Adds `--since`, `--until` and `--users` to a command (and, below its options, what they do to the timelines) (read them with `filterFromOptions` or
 * `loadFilteredTables`). Imports nothing heavy: a command's module stays cheap to load.
 *
 * @example filterOptions(new Command("summary")).action(async (logs, o) => loadFilteredTables(logs, o))
 */
export function filterOptions(command: Command): Command {
  return command
    .addHelpText("after", `\n${FILTERED_TIMELINES}`)
    .option("--since <date>", "keep sessions at or after this ISO date or date-time (UTC)")
    .option("--until <date>", "keep sessions before this ISO date or date-time (UTC, exclusive)")
    .option("--users <file|list>", `keep sessions of these students: ${USERS_VALUE}`);
}
