import { cellText } from "../../notebook/table-bundle";

/** Creates an element with attributes and children; text children become text nodes (never parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** A table of records; every cell is text, written as the notebooks' tables write it (`cellText`). */
export function recordsTable(rows: readonly object[], columns?: readonly string[]): HTMLTableElement {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  // Rows appended one by one: no argument list grows with the table.
  const body = h("tbody");
  for (const r of rows) body.append(h("tr", {}, ...cols.map((c) => h("td", {}, cellText((r as Record<string, unknown>)[c])))));
  return h("table", {}, h("thead", {}, h("tr", {}, ...cols.map((c) => h("th", {}, c)))), body);
}

/** `x` as a percentage with one decimal. */
export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "–");
