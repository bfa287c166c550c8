import type { z } from "zod";
import { ROW_SCHEMAS, isRowType, type MetricsRow } from "../schema/metrics-row";
import { parsePythonJson, type PythonJsonValue } from "./python-json";
import type { IssueCode, LoadIssue } from "./load-issue";
import type { LongLine } from "./line-source";
import { countDrift, type SchemaDrift } from "./schema-drift";
import { formatPath } from "./format-path";
import { leadingRowEnd, recoverRow, wholeRow } from "./recover-row";
import { INVALID_UTF8, invalidUtf8Paths } from "./utf8";
import { outOfRange } from "./out-of-range";

export { formatPath } from "./format-path";

/** What one line gave: a row (maybe with warnings), or only issues. */
export interface ParsedLine {
  row?: MetricsRow;
  /** Rows before `row` on the same line, in order: whole rows a missing newline joined to it (`joined_rows`). */
  before?: MetricsRow[];
  issues: LoadIssue[];
}

/** Where a line is, and what the line source found about it. */
export interface LineContext {
  file: string;
  line: number;
  /** The source's last line, without a final newline. */
  last: boolean;
  /** The line held bytes that are not UTF-8 (decoded as `INVALID_UTF8`). */
  invalidUtf8?: boolean;
  /** The line was over `maxLineBytes`: `text` is only its last bytes. */
  long?: LongLine;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

type Issue = (severity: LoadIssue["severity"], code: IssueCode, path: string, message: string) => LoadIssue;

/**
 * Parses and validates one line of metrics.log. `where` locates it for the issues; `drift` collects unknown keys.
 * A line is blank-free here: the caller skips blank lines (not long ones).
 *
 * @example parseLine('{"type": "heartbeat"}', { file: "a.log", line: 3, last: false }, new Map())
 * // { issues: [{ file: "a.log", line: 3, severity: "warning", code: "unknown_type", path: "type", … }] }
 */
export function parseLine(text: string, where: LineContext, drift: SchemaDrift): ParsedLine {
  const issue: Issue = (severity, code, path, message) => ({ file: where.file, line: where.line, severity, code, path, message });
  const read = readJson(text, where, issue);
  if (!read.parsed) return { issues: read.issues };
  // The rows before this one on the line, parsed first as a line of their own: their issues and drift come first.
  const joined = read.joined === undefined ? undefined : parseLine(read.joined, where, drift);
  const line = parseValue(read.parsed, where, drift, issue);
  if (read.issues.length) line.issues.unshift(...read.issues);
  if (!joined) return line;
  line.before = joined.row ? [...(joined.before ?? []), joined.row] : joined.before;
  line.issues.unshift(...joined.issues);
  return line;
}

/** The row a line's JSON value gives once validated, or the issues that say why none. */
function parseValue(parsed: PythonJsonValue, where: LineContext, drift: SchemaDrift, issue: Issue): ParsedLine {
  const issues: LoadIssue[] = [];
  for (const n of parsed.nonFinite) issues.push(issue("warning", "non_finite", n.path, `${n.token} is not a number JSON can hold; read as null`));
  const value = parsed.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.push(issue("error", "not_object", "", `expected a JSON object, got ${describe(value)}`));
    return { issues };
  }
  if (where.invalidUtf8) {
    const bad = invalidUtf8Paths(value);
    if (bad.length > 0) {
      const more = bad.length > 1 ? ` (and ${bad.length - 1} more: ${bad.slice(1, 4).join(", ")})` : "";
      issues.push(issue("error", "invalid_utf8", bad[0], `holds bytes that are not UTF-8; row rejected (read as U+FFFD they would change the value, e.g. a join key)${more}`));
      return { issues };
    }
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string") {
    issues.push(issue("error", "missing_type", "type", type === undefined ? "no `type` field" : `\`type\` is ${describe(type)}, expected a string`));
    return { issues };
  }
  if (!isRowType(type)) {
    issues.push(issue("warning", "unknown_type", "type", `unknown row type "${type}": line skipped`));
    return { issues };
  }
  const schema: z.ZodType<MetricsRow> = ROW_SCHEMAS[type];
  const result = schema.safeParse(value);
  if (!result.success) {
    const all = result.error.issues;
    const first = all[0];
    const more = all.length > 1 ? ` (and ${all.length - 1} more: ${all.slice(1, 4).map((i) => formatPath(i.path)).join(", ")})` : "";
    issues.push(issue("error", "schema", formatPath(first.path), `${first.message}${more}`));
    return { issues };
  }
  for (const o of outOfRange(type, result.data)) issues.push(issue("warning", "out_of_range", o.path, `${o.message}; row kept`));
  countDrift(type, result.data, drift);
  return { row: result.data, issues };
}

/**
 * The line's JSON: the whole line, else a row recovered after damage on it (a `torn_fragment` warning); a long line
 * gives a row only that way (else `line_too_long`). Without one, the issue that says why.
 */
function readJson(text: string, where: LineContext, issue: Issue): { parsed?: PythonJsonValue; issues: LoadIssue[]; joined?: string } {
  if (where.long) {
    const { bytes, limit } = where.long;
    const found = recoverRow(text, 0);
    if (!found) return { issues: [issue("error", "line_too_long", "", `the line is ${bytes} bytes, over the bound of ${limit} (maxLineBytes): skipped unread`)] };
    const rowBytes = Buffer.byteLength(text.slice(found.start));
    return { parsed: found.parsed, issues: [issue("warning", "torn_fragment", "", `the line is ${bytes} bytes: its first ${bytes - rowBytes} are not part of the row after them (NUL padding or a torn write) and are dropped; the row is kept`)] };
  }
  let reason: string;
  try {
    return { parsed: parsePythonJson(text), issues: [] };
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const found = recoverRow(text, 1);
  if (found) {
    // What comes before may itself hold a row (a whole one, or one after a fragment): a newline went missing.
    const head = text.slice(0, found.start);
    const joined = issue("warning", "joined_rows", "", `a row starts at character ${found.start + 1} right after another, with no newline between them (two writes joined?): both are kept`);
    if (wholeRow(head) || recoverRow(head, 1)) return { parsed: found.parsed, joined: head, issues: [joined] };
    const end = leadingRowEnd(head);
    if (end !== undefined) {
      const torn = issue("warning", "torn_fragment", "", `characters ${end + 1}–${found.start} are a torn fragment between two rows, not part of either: dropped; both rows are kept`);
      return { parsed: found.parsed, joined: head.slice(0, end), issues: [torn, joined] };
    }
    const what = /^\0+$/.test(text.slice(0, found.start)) ? "NUL padding" : "a torn fragment (a write cut short?)";
    return { parsed: found.parsed, issues: [issue("warning", "torn_fragment", "", `the first ${found.start} characters are ${what}, not part of the row after them: dropped; the row is kept`)] };
  }
  const notes = [text.includes("\0") ? "it holds NUL bytes (a preallocated or damaged region?)" : "", where.invalidUtf8 ? "it holds bytes that are not UTF-8" : ""].filter(Boolean);
  const note = notes.length ? ` (${notes.join("; ")})` : "";
  reason = reason.replaceAll(INVALID_UTF8, "\uFFFD");
  if (where.last) return { issues: [issue("error", "torn_line", "", `last line has no newline and is not JSON (a write cut short?): ${reason}${note}`)] };
  return { issues: [issue("error", "invalid_json", "", `not JSON: ${reason}${note}`)] };
}

