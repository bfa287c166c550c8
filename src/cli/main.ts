import { Command, CommanderError } from "commander";
import { MetricsLoadError, MetricsSourceError } from "../load/load-issue";
import { summaryCommand } from "./summary-command";
import { generateCommand } from "./generate-command";
import { OutputExistsError } from "../io/write-output";
import { extraCommands } from "./extra-commands";

/** The `metrics-kit` program: each command is a thin shell over the library. */
export function program(): Command {
  const p = new Command("metrics-kit")
    .description("typed loader, joins, analyses, threshold tuning and synthetic logs for the interview platform's metrics.log")
    .exitOverride();
  p.addCommand(summaryCommand());
  p.addCommand(generateCommand());
  for (const c of extraCommands()) p.addCommand(c);
  for (const c of p.commands) c.exitOverride();
  return p;
}

/**
 * Runs the CLI. Exit status: 0 done (bad lines reported, not fatal); 1 `--strict` stopped at a bad line;
 * 2 a file could not be read or written, or the arguments were wrong (a one-line message, no stack trace).
 */
export async function run(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof MetricsLoadError) {
      process.stderr.write(`metrics-kit: ${error.message}\n`);
      return 1;
    }
    if (error instanceof MetricsSourceError || error instanceof OutputExistsError) {
      process.stderr.write(`metrics-kit: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`metrics-kit: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** Entry point of `bin/metrics-kit.js`. */
export function main(argv: string[]): void {
  run(argv).then((code) => {
    process.exitCode = code;
  });
}
