import type { z } from "zod";
import { terminalSafe } from "../load/terminal-safe";
import type { OutputExistsError } from "../io/output-check";

/**
 * The one line the CLI prints for an error: its message's first line; a zod error (the library's options or files
 * validated by a schema) as its first issue's path and message instead of zod's JSON; an output that exists, with
 * the CLI's `--force` where the library names `{ force: true }`. `terminalSafe`: a file name
 * or a value quoted in the message cannot drive the terminal.
 *
 * @example errorLine(GenerateOptions.safeParse({ students: -5 }).error) // "invalid students: Too small: expected number to be >0"
 * @example errorLine(new OutputExistsError("x.log")) // "x.log exists; pass --force to overwrite it"
 */
export function errorLine(error: unknown): string {
  // Told by its name, so that the CLI starts without loading zod.
  if (error instanceof Error && error.name === "ZodError" && Array.isArray((error as z.ZodError).issues)) {
    const { issues } = error as z.ZodError;
    const issue = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    return terminalSafe(`invalid ${issue?.path.length ? issue.path.join(".") : "value"}: ${issue?.message ?? "rejected"}${more}`);
  }
  // The library's refusal names its option, `{ force: true }`; the CLI's flag is --force.
  if (isOutputExists(error)) return terminalSafe(error.forcedBy("--force"));
  return terminalSafe((error instanceof Error ? error.message : String(error)).split("\n")[0]);
}

/** An `OutputExistsError`, told by its name and method: the CLI starts without loading the output writer. */
function isOutputExists(error: unknown): error is OutputExistsError {
  return error instanceof Error && error.name === "OutputExistsError" && typeof (error as OutputExistsError).forcedBy === "function";
}
