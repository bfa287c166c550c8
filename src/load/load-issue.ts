import { z } from "zod";
import { terminalSafe } from "./terminal-safe";

/**
 * Why a line did not become a row, or what was odd about a row that did. Every error means the line gave no row;
 * a warning keeps the row (or, for `unknown_type`, skips a line the kit does not read).
 * - `invalid_json`: the line is not JSON (nor Python JSON);
 * - `torn_line`: the file's last line has no newline and does not parse (a writer died mid-line);
 * - `line_too_long`: the line is longer than `maxLineBytes`; skipped without being held in memory;
 * - `invalid_utf8`: a string of the row holds bytes that are not UTF-8 (`path` names it); the row is rejected,
 *   since decoding them as U+FFFD would change a join key;
 * - `not_object`: valid JSON that is not an object;
 * - `missing_type`: no string `type` field;
 * - `schema`: the row does not match its type's schema (`path` names the first field at fault);
 * - `gzip_truncated`: a `.gz` file ends inside a member; its lines up to `line` are kept, the file's reading stops;
 * - `gzip_corrupt`: a `.gz` member's data is damaged (bad deflate data, CRC or length); the file's reading stops;
 * - `unknown_type` (warning): a `type` the kit does not read; the line is skipped and counted;
 * - `non_finite` (warning): a `NaN`/`Infinity` token, read as `null`; `path` names the field;
 * - `out_of_range` (warning): a value outside its field's range (a score outside 0–100, a ratio outside 0–1, a
 *   negative count, an empty `session_id`); `path` names the field, the row is kept;
 * - `torn_fragment` (warning): bytes before the row that are not part of it (a torn write, NUL padding); they are
 *   dropped and the row after them is kept;
 * - `joined_rows` (warning): a whole row right before another on the same line (a newline missing between two
 *   writes); each is read as a row of that line;
 * - `gzip_trailing_garbage` (warning): bytes after the last member of a `.gz` file that are not gzip; ignored, as
 *   `gzip -d` does.
 */
export const IssueCode = z.enum([
  "invalid_json", "torn_line", "line_too_long", "invalid_utf8", "not_object", "missing_type", "schema", "gzip_truncated", "gzip_corrupt",
  "unknown_type", "non_finite", "out_of_range", "torn_fragment", "joined_rows", "gzip_trailing_garbage",
]);
export type IssueCode = z.infer<typeof IssueCode>;

export const Severity = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof Severity>;

/** One problem found while loading, located by file and 1-based line number (blank lines count). */
export const LoadIssue = z.object({
  file: z.string(),
  line: z.number().int(),
  severity: Severity,
  code: IssueCode,
  path: z.string(),
  message: z.string(),
});
export type LoadIssue = z.infer<typeof LoadIssue>;

/**
 * Formats an issue as one line, `file:line: severity code at path: message`, safe for a terminal (control characters
 * from the log are escaped, see `terminalSafe`).
 *
 * @example formatIssue(issue) // "metrics.log:17: warning non_finite at audio_features.speech_rate: Infinity is not …"
 */
export function formatIssue(issue: LoadIssue): string {
  const at = issue.path ? ` at ${issue.path}` : "";
  return terminalSafe(`${issue.file}:${issue.line}: ${issue.severity} ${issue.code}${at}: ${issue.message}`);
}

/** Thrown in `strict` mode at the first bad line: its message names the file, the line and the field. */
export class MetricsLoadError extends Error {
  readonly issue: LoadIssue;
  constructor(issue: LoadIssue) {
    super(formatIssue(issue));
    this.name = "MetricsLoadError";
    this.issue = issue;
  }
}

/** Thrown when a source cannot be opened or read (missing file, permission, corrupt gzip). */
export class MetricsSourceError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot read ${file}: ${reason}`);
    this.name = "MetricsSourceError";
    this.file = file;
  }
}
