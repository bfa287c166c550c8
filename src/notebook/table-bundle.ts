import type * as aq from "arquero";
import { escapeHtml } from "./html";
import { requireColumns } from "../join/column-values";
import { COLUMN_NOTES, columnLegend } from "./column-notes";

/** A Jupyter MIME bundle: one representation per MIME type; the front end shows the richest it can. */
export type MimeBundle = Record<string, unknown>;

export interface TableBundleOptions {
  /** Rows shown; the rest are counted. Default 20; `Infinity` shows every row. */
  limit?: number;
  /** Columns shown, in order. Default all. */
  columns?: readonly string[];
  /** A caption above the table (escaped). */
  caption?: string;
  /** Name of the table in errors (a column in `columns` it lacks). Default "the table". */
  name?: string;
  /**
   * Column notes of this table, over the kit's (`COLUMN_NOTES`): for a column whose name means something else here
   * (`{ sessions: "sessions in the log" }`). Default none.
   */
  notes?: Readonly<Record<string, string>>;
}

type Rows = readonly object[];
type Row = Readonly<Record<string, unknown>>;

/** Past this many characters a cell holds prose (a verdict's reasons): it keeps a reading width, left-aligned. */
const LONG_TEXT = 80;
const LONG_CELL = "min-width:24em;text-align:left";

/**
 * A table as HTML (every cell escaped) with a plain-text fallback: an arquero table or an array of records, the first
 * `limit` rows with "… N more rows" below. Numbers show 4 significant digits, lists joined by ", ", missing as "".
 * Headers do not wrap; a column the kit knows (`COLUMN_NOTES`, or the table's own `notes`) gets a tooltip and a
 * legend line under the table. A
 * column in `columns` that an arquero table lacks throws a `NoColumnError` naming the nearest one.
 *
 * @example tableBundle(t.sessions, { limit: 5 })["text/html"]
 */
export function tableBundle(table: aq.ColumnTable | Rows, options: TableBundleOptions = {}): MimeBundle {
  const { limit = 20, caption } = options;
  const isTable = !Array.isArray(table);
  const total = isTable ? (table as aq.ColumnTable).numRows() : (table as Rows).length;
  const rows: Rows = isTable ? ((table as aq.ColumnTable).objects({ limit }) as Rows) : (table as Rows).slice(0, limit);
  if (isTable && options.columns) requireColumns(table as aq.ColumnTable, options.columns, options.name);
  const columns = options.columns ?? (isTable ? (table as aq.ColumnTable).columnNames() : [...new Set(rows.flatMap((r) => Object.keys(r)))]);
  const notes = options.notes ? { ...COLUMN_NOTES, ...options.notes } : COLUMN_NOTES;
  const legend = columnLegend(columns, notes);
  const cells = rows.map((r) => columns.map((c) => cellText((r as Row)[c])));
  const more = total > rows.length ? `… ${total - rows.length} more rows (${total} in all)` : `${total} rows`;
  const html = [
    `<div class="metrics-kit-table">`,
    caption ? `<p><b>${escapeHtml(caption)}</b></p>` : "",
    `<table><thead><tr>${columns.map((c) => `<th style="white-space:nowrap"${Object.hasOwn(notes, c) ? ` title="${escapeHtml(notes[c])}"` : ""}>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>`,
    ...cells.map((r) => `<tr>${r.map((v) => `<td${v.length > LONG_TEXT ? ` style="${LONG_CELL}"` : ""}>${escapeHtml(v)}</td>`).join("")}</tr>`),
    `</tbody></table><p><small>${escapeHtml(more)}</small></p>`,
    legend.length ? `<p class="metrics-kit-legend"><small>${legend.map(escapeHtml).join("<br>")}</small></p>` : "",
    `</div>`,
  ].join("");
  const widths = columns.map((c, k) => Math.min(40, Math.max(c.length, ...cells.map((r) => r[k].length))));
  const line = (vs: readonly string[]) => vs.map((v, k) => (v.length > widths[k] ? `${v.slice(0, widths[k] - 1)}…` : v.padEnd(widths[k]))).join("  ");
  const text = [caption ?? "", line(columns), ...cells.map(line), more, ...legend].filter(Boolean).join("\n");
  return { "text/html": html, "text/plain": text };
}

/** The text of one cell. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isNaN(v) ? "" : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  if (Array.isArray(v)) return v.map(cellText).join(", ");
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${k} ${cellText(x)}`).join(", ");
  return String(v);
}
