import { displaySafe } from "../load/terminal-safe";

/**
 * A plotly figure as plain JSON: what `Plotly.newPlot` takes and what the `application/vnd.plotly.v1+json` output
 * holds. Traces and layout stay open records (plotly's schema is large); the builders in this folder fill them.
 */
export interface Figure {
  data: Trace[];
  layout: Layout;
}

/** One plotly trace (`bar`, `scatter`, …). */
export type Trace = { type: string; name?: string } & Record<string, unknown>;

/** A plotly layout. */
export type Layout = { title?: { text: string }; height?: number } & Record<string, unknown>;

/** A vertical reference line at `x`, labelled: today's threshold on a feature axis. */
export interface ReferenceLine {
  value: number;
  label: string;
}

/** True for a value built by a figure builder (or any `{ data: [], layout: {} }`). */
export function isFigure(x: unknown): x is Figure {
  return typeof x === "object" && x !== null && Array.isArray((x as Figure).data) && typeof (x as Figure).layout === "object";
}

/** Plotly shapes and annotations for vertical reference lines (dashed, labelled at the top). */
export function referenceLines(lines: readonly ReferenceLine[], color = "#c0392b"): Pick<Layout, "shapes" | "annotations"> {
  return {
    shapes: lines.map((l) => ({ type: "line", xref: "x", yref: "paper", x0: l.value, x1: l.value, y0: 0, y1: 1, line: { color, dash: "dash", width: 1.5 } })),
    // Labels start at their line and alternate between two rows in order of value, so neighbours (70 and 75) never overlap.
    annotations: [...lines].sort((a, b) => a.value - b.value).map((l, k) => ({ xref: "x", yref: "paper", x: l.value, y: 1, xanchor: "left", xshift: 2, yanchor: "bottom", yshift: (k % 2) * 13, text: plotlyText(l.label), showarrow: false, font: { size: 10, color } })),
  };
}

/** The layout every builder starts from: a title, axis titles, a compact margin. */
export function baseLayout(title: string, x: string, y: string, extra: Record<string, unknown> = {}): Layout {
  return { title: { text: title }, xaxis: { title: { text: x } }, yaxis: { title: { text: y } }, margin: { l: 60, r: 20, t: 60, b: 50 }, height: 380, ...extra };
}

/** The longest label `plotlyText` gives, in characters. */
export const LABEL_MAX = 120;

/**
 * Text taken from a log, made safe for plotly's labels: plotly reads a few HTML-like tags (`<b>`, `<a href>`, …) in
 * titles, names and tick labels, so `&`, `<` and `>` are written as entities and shown as themselves; control
 * characters and bidirectional overrides are shown, not obeyed (`displaySafe`). Text past `LABEL_MAX` characters is
 * cut to that with an ellipsis: a 3,000-character dimension name would otherwise push a chart off the page.
 */
export function plotlyText(s: string): string {
  return shortText(displaySafe(s), LABEL_MAX).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The longest tick label `tickText` gives, in characters: 14 rotated labels then stay clear of each other. */
export const TICK_MAX = 24;

/** A name from a log as a tick label: `plotlyText`, cut to `TICK_MAX` characters. */
export function tickText(s: string): string {
  return plotlyText(shortText(s, TICK_MAX));
}

/** `s` cut to `max` characters (code points), the last an ellipsis, when it is longer. */
export function shortText(s: string, max: number): string {
  if (s.length <= max) return s;
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * An x axis of categories named from a log (dimensions), as positions 0, 1, … with the names as tick labels. Plotly
 * keeps category names as keys of plain objects, so on a category axis a dimension named `__proto__` or
 * `constructor` loses its bars; positions cannot collide. Give `x` to the traces, `axis` to the layout's `xaxis`.
 *
 * @example const c = categoryAxis(["a", "constructor"]); // c.x = [0, 1], c.axis.ticktext = ["a", "constructor"]
 */
export function categoryAxis(labels: readonly string[], title: string): { x: number[]; axis: Record<string, unknown> } {
  const x = labels.map((_, k) => k);
  // automargin: rotated labels get the room below the plot they need, clear of the axis title.
  return { x, axis: { title: { text: title }, tickmode: "array", tickvals: x, ticktext: [...labels], range: [-0.5, labels.length - 0.5], zeroline: false, showgrid: false, automargin: true } };
}
