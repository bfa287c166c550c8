import type * as aq from "arquero";
import { terminalSafe } from "../load/terminal-safe";
import { displayWidth } from "../load/display-width";

export { displayWidth } from "../load/display-width";

/** A value as text: `null` for a missing one, ISO 8601 for a date, JSON for a list or an object. */
function text(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "null";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The table's rows as arrays of values, in its row order. */
function rowsOf(table: aq.ColumnTable): unknown[][] {
  const columns = table.columnNames().map((name) => table.column(name)!);
  const rows: unknown[][] = [];
  table.scan((row) => {
    rows.push(columns.map((c) => c.at(row!)));
  }, true);
  return rows;
}


/** `s` padded with spaces to `width` terminal columns, on the left (`start`) or the right. */
function pad(s: string, width: number, start: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return start ? fill + s : s + fill;
}

/**
 * A result as an aligned text table for a terminal: a header, a rule, one line per row; numbers right-aligned;
 * `null` for missing. Column names and cells are `terminalSafe` (a control character or bidi override from the data
 * is shown as `\x1b`, `\u202e`: it cannot move the cursor, recolour the screen nor break a row); `formatCsv` and
 * `formatJson` keep the values exact.
 *
 * @example formatTextTable(aq.table({ n: [1, 10] })) // " n\n--\n 1\n10"
 */
export function formatTextTable(table: aq.ColumnTable): string {
  const names = table.columnNames().map(terminalSafe);
  const rows = rowsOf(table);
  const cells = rows.map((r) => r.map((v) => terminalSafe(text(v))));
  const numeric = names.map((_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === "number" || r[k] === null));
  const width = names.map((name, k) => cells.reduce((w, r) => Math.max(w, displayWidth(r[k])), displayWidth(name)));
  const line = (values: string[]) => values.map((v, k) => pad(v, width[k], numeric[k])).join("  ").trimEnd();
  return [line(names), width.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (inner quotes doubled). */
function csvField(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
  const s = text(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A result as CSV (RFC 4180): a header row, then the rows; missing values empty, dates ISO 8601, lists as JSON.
 *
 * @example formatCsv(aq.table({ a: ["x,y"], b: [null] })) // 'a,b\n"x,y",\n'
 */
export function formatCsv(table: aq.ColumnTable): string {
  const lines = [table.columnNames().map(csvField).join(",")];
  for (const row of rowsOf(table)) lines.push(row.map(csvField).join(","));
  return `${lines.join("\n")}\n`;
}

/**
 * A result as a JSON array of row objects (dates as ISO 8601 strings; missing values `null`).
 *
 * @example formatJson(aq.table({ n: [1] })) // '[\n  {\n    "n": 1\n  }\n]'
 */
export function formatJson(table: aq.ColumnTable): string {
  const names = table.columnNames();
  const rows = rowsOf(table).map((r) => {
    const o: Record<string, unknown> = Object.create(null);
    names.forEach((name, k) => (o[name] = typeof r[k] === "number" && Number.isNaN(r[k]) ? null : r[k]));
    return o;
  });
  return JSON.stringify(rows, null, 2);
}
