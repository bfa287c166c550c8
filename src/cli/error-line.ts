import type { z } from "zod";
import { terminalSafe } from "../load/terminal-safe";

/**
 * The one line the CLI prints for an error: its message's first line; a zod error (the library's options or files
 * validated by a schema) as its first issue's path and message instead of zod's JSON. `terminalSafe`: a file name
 * or a value quoted in the message cannot drive the terminal.
 *
 * @example errorLine(GenerateOptions.safeParse({ students: -5 }).error) // "invalid students: Too small: expected number to be >0"
 */
export function errorLine(error: unknown): string {
  // Told by its name, so that the CLI starts without loading zod.
  if (error instanceof Error && error.name === "ZodError" && Array.isArray((error as z.ZodError).issues)) {
    const { issues } = error as z.ZodError;
    const issue = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    return terminalSafe(`invalid ${issue?.path.length ? issue.path.join(".") : "value"}: ${issue?.message ?? "rejected"}${more}`);
  }
  return terminalSafe((error instanceof Error ? error.message : String(error)).split("\n")[0]);
}
