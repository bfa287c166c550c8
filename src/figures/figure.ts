import { terminalSafe } from "../load/terminal-safe";

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
export type Layout = { title?: { text: string } & Record<string, unknown>; height?: number } & Record<string, unknown>;

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

/**
 * Text taken from a log, made safe for plotly's labels: plotly reads a few HTML-like tags (`<b>`, `<a href>`, …) in
 * titles, names and tick labels, so `&`, `<` and `>` are written as entities and shown as themselves. And every
 * control character is written as its escape, as on a terminal (`terminalSafe`: `\x1b`, `\u202e`): a chart's SVG
 * text cannot isolate a name from the label around it (a bidi override would reverse the rest of the label), and a
 * C0 control is not allowed in the SVG that plotly's `toImage` renders (the PNG download and the notebooks' PNG
 * would fail).
 *
 * @example plotlyText("<b>\u202eA\u001b") // "&lt;b&gt;\\u202eA\\x1b"
 */
export function plotlyText(s: string): string {
  return terminalSafe(s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}
