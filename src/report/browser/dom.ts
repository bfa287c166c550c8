import { cellText } from "../../notebook/table-bundle";
import { COLUMN_NOTES, columnLegend } from "../../notebook/column-notes";
import { displaySafe } from "../../load/terminal-safe";

/**
 * Creates an element with attributes and children; text children become text nodes (never parsed as HTML), their
 * control characters and bidirectional overrides shown, not obeyed (`displaySafe`).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) el.append(typeof c === "string" ? document.createTextNode(displaySafe(c)) : c);
  return el;
}

/** A run of 40 characters without a space: a cell that cannot wrap (a 3,000-character dimension name, say). */
const UNBROKEN = /\S{40}/;

/** Past this many characters a cell's text is prose (a verdict's reasons): its column is kept wide enough to read. */
const PROSE = 80;

/**
 * A cell's text; one that cannot wrap is cut with an ellipsis (the page's `.cut` style), its title holding it whole;
 * prose keeps a readable width (`.prose`) in a table wider than the page.
 */
function cell(text: string): Node | string {
  if (UNBROKEN.test(text)) return h("span", { class: "cut", title: displaySafe(text) }, text);
  return text.length > PROSE ? h("span", { class: "prose" }, text) : text;
}

/**
 * A table of records; every cell is text, written as the notebooks' tables write it (`cellText`). Headers do not
 * wrap; a column the kit knows gets a tooltip and a legend line in the table's caption (below it).
 */
export function recordsTable(rows: readonly object[], columns?: readonly string[]): HTMLTableElement {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const legend = columnLegend(cols);
  // A header too long for its cell ends in an ellipsis (the page's style): its title then holds it whole.
  const th = (c: string) => h("th", { title: Object.hasOwn(COLUMN_NOTES, c) ? COLUMN_NOTES[c] : displaySafe(c) }, h("span", {}, c));
  // Rows appended one by one: no argument list grows with the table.
  const body = h("tbody");
  for (const r of rows) body.append(h("tr", {}, ...cols.map((c) => h("td", {}, cell(cellText((r as Record<string, unknown>)[c]))))));
  return h("table", {},
    legend.length ? h("caption", { style: "caption-side:bottom;text-align:left;font-size:12px;color:#666" }, ...legend.flatMap((l, k) => (k ? [h("br"), l] : [l]))) : null,
    h("thead", {}, h("tr", {}, ...cols.map(th))),
    body);
}

/** Sets an element's text (never parsed as HTML), its control characters and bidirectional overrides shown (`displaySafe`). */
export function setText(el: Node, text: string): void {
  el.textContent = displaySafe(text);
}

/** `x` as a percentage with one decimal. */
export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "–");
