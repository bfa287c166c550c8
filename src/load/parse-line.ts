import type { z } from "zod";
import { ROW_SCHEMAS, isRowType, type MetricsRow } from "../schema/metrics-row";
import { parsePythonJson } from "./python-json";
import type { IssueCode, LoadIssue } from "./load-issue";
import { countDrift, type SchemaDrift } from "./schema-drift";

/** What one line gave: a row (maybe with warnings), or only issues. */
export interface ParsedLine {
  row?: MetricsRow;
  issues: LoadIssue[];
}

/** Formats a zod issue path as `evaluation.dimensions[1].score`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Parses and validates one line of metrics.log. `where` locates it for the issues; `drift` collects unknown keys.
 * A line is blank-free here: the caller skips blank lines.
 */
export function parseLine(text: string, where: { file: string; line: number; last: boolean }, drift: SchemaDrift): ParsedLine {
  const issue = (severity: LoadIssue["severity"], code: IssueCode, path: string, message: string): LoadIssue => ({
    file: where.file, line: where.line, severity, code, path, message,
  });
  let parsed;
  try {
    parsed = parsePythonJson(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (where.last) {
      return { issues: [issue("error", "torn_line", "", `last line has no newline and is not JSON (a write cut short?): ${reason}`)] };
    }
    return { issues: [issue("error", "invalid_json", "", `not JSON: ${reason}`)] };
  }
  const issues: LoadIssue[] = parsed.nonFinite.map((n) =>
    issue("warning", "non_finite", n.path, `${n.token} is not a number JSON can hold; read as null`),
  );
  const value = parsed.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.push(issue("error", "not_object", "", `expected a JSON object, got ${describe(value)}`));
    return { issues };
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
  countDrift(type, result.data, drift);
  return { row: result.data, issues };
}
