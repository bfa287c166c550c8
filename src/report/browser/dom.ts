import { cellText } from "../../notebook/table-bundle";
import { COLUMN_NOTES, columnLegend } from "../../notebook/column-notes";
import { isolateText } from "../../load/isolate-text";

/** Creates an element with attributes and children; text children become text nodes (never parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** Columns whose cells are names from the log (or of the kit's features): one line, cut with an ellipsis, whole in the title. */
const NAME_COLUMNS: ReadonlySet<string> = new Set(["dimension", "feature", "target", "user_id", "session_id", "file", "path"]);

/**
 * A table of records; every cell is text, written as the notebooks' tables write it (`cellText`). Headers do not
 * wrap; a column the kit knows gets a tooltip and a legend line below the table. A cell is its own
 * bidi paragraph; the items of a list in one are isolated (`isolateText`). A header, and a cell of a name column
 * (`dimension`, `user_id`, …), is cut with an ellipsis past 16em, its whole text in its title; the table sits in a
 * box that scrolls sideways when it is wider than the page, the columns' legend under it (both are returned, in a
 * block).
 */
export function recordsTable(rows: readonly object[], columns?: readonly string[]): HTMLElement {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const legend = columnLegend(cols);
  const th = (c: string) => h("th", { style: "white-space:nowrap" }, nameSpan(c, Object.hasOwn(COLUMN_NOTES, c) ? COLUMN_NOTES[c] : c));
  const td = (c: string, v: unknown) => {
    const text = cellText(isolateItems(v));
    return h("td", {}, NAME_COLUMNS.has(c) && typeof v === "string" ? nameSpan(text, text) : text);
  };
  // Rows appended one by one: no argument list grows with the table.
  const body = h("tbody");
  for (const r of rows) body.append(h("tr", {}, ...cols.map((c) => td(c, (r as Record<string, unknown>)[c]))));
  // The legend under the box, not a caption inside it: a caption is as wide as its table and would scroll with it.
  return h("div", {},
    h("div", { class: "table-scroll" }, h("table", {}, h("thead", {}, h("tr", {}, ...cols.map(th))), body)),
    legend.length ? h("p", { style: "font-size:12px;color:#666;margin:0 0 8px" }, ...legend.flatMap((l, k) => (k ? [h("br"), l] : [l]))) : null);
}

/** A name on one line, cut with an ellipsis when longer than its box (CSS `.name`), `title` shown on hover. */
function nameSpan(text: string, title: string): HTMLElement {
  return h("span", { class: "name", title }, text);
}

/** A list's strings isolated from each other (a bidi override in one item cannot reorder the next); anything else as it is. */
function isolateItems(v: unknown): unknown {
  return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? isolateText(x) : x)) : v;
}

/** `x` as a percentage with one decimal. */
export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "–");
