import { z } from "zod";

/**
 * The one line the CLI prints for an error: its message's first line; a zod error (the library's options or files
 * validated by a schema) as its first issue's path and message instead of zod's JSON.
 *
 * @example errorLine(GenerateOptions.safeParse({ students: -5 }).error) // "invalid students: Too small: expected number to be >0"
 */
export function errorLine(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
    return `invalid ${issue?.path.length ? issue.path.join(".") : "value"}: ${issue?.message ?? "rejected"}${more}`;
  }
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
