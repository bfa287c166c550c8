import { Command, CommanderError } from "commander";
import type { MetricsLoadError } from "../load/load-issue";
import { summaryCommand } from "./summary-command";
import { generateCommand } from "./generate-command";
import { extraCommands } from "./extra-commands";
import { errorLine } from "./error-line";
import { commanderErrorLine } from "./commander-error-line";

// Commander's own messages ("error: option '--students <n>' argument '-5' is invalid. …"), as one line like ours.
// Commander's own errors quote the command line (an unknown option, a bad choice): its text is escaped too, one line.
const OUTPUT = { outputError: (text: string, write: (s: string) => void) => write(`metrics-kit: ${commanderErrorLine(text)}\n`) };

/**
 * The `metrics-kit` program: each command is a thin shell over the library, which its action loads (so that
 * `--help` and a command start without loading the others' modules).
 */
export function program(): Command {
  const p = new Command("metrics-kit")
    .description("typed loader, joins, analyses, threshold tuning and synthetic logs for the interview platform's metrics.log")
    .exitOverride()
    .configureOutput(OUTPUT);
  p.addCommand(summaryCommand());
  p.addCommand(generateCommand());
  for (const c of extraCommands()) p.addCommand(c);
  for (const c of p.commands) c.exitOverride().configureOutput(OUTPUT);
  return p;
}

/**
 * Runs the CLI. Exit status: 0 done (bad lines reported, not fatal); 1 `--strict` stopped at a bad line;
 * 2 a file could not be read or written, or the arguments were wrong (a one-line message, no stack trace).
 *
 * @example await run(["node", "metrics-kit", "summary", "metrics.log"]) // 0
 */
export async function run(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has printed its one line already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`metrics-kit: ${errorLine(error)}\n`);
    return isLoadError(error) ? 1 : 2;
  }
}

/** Entry point of `bin/metrics-kit.js`. */
export function main(argv: string[]): void {
  run(argv).then((code) => {
    process.exitCode = code;
  });
}

/** A `MetricsLoadError` (strict mode stopped at a bad line), told by its name: the CLI starts without the loader. */
function isLoadError(error: unknown): error is MetricsLoadError {
  return error instanceof Error && error.name === "MetricsLoadError";
}
