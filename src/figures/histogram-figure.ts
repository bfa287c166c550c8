import { baseLayout, plotlyText, referenceLines, type Figure, type ReferenceLine } from "./figure";
import { histogramBins } from "./histogram-bins";

export interface HistogramFigureOptions {
  /** Equal-width bins, as `hist(bins=…)`. Default 10. */
  bins?: number;
  range?: [number, number];
  title?: string;
  /** The whole name of what is counted, shown in each bar's hover: for a title cut to fit (see `shortName`). */
  name?: string;
  /** The x axis title. Default "value". */
  x?: string;
  /** Vertical reference lines (today's thresholds). */
  lines?: readonly ReferenceLine[];
}

/**
 * A histogram of the values with numpy's binning (see `histogramBins`), drawn as bars: the bins are computed here, so
 * the figure's size does not grow with the data. The title counts the values and the missing ones.
 *
 * @example histogramFigure(t.sessions.array("结构化表达（STAR）"), { x: "score" })
 */
export function histogramFigure(values: ArrayLike<unknown>, options: HistogramFigureOptions = {}): Figure {
  const { bins = 10, range, title = "Histogram", name, x = "value", lines = [] } = options;
  const h = histogramBins(values, { bins, range });
  const centers = h.counts.map((_, k) => (h.edges[k] + h.edges[k + 1]) / 2);
  const widths = h.counts.map((_, k) => h.edges[k + 1] - h.edges[k]);
  const head = name === undefined ? "" : `${plotlyText(name)}<br>`;
  const text = h.counts.map((c, k) => `${head}[${fmt(h.edges[k])}, ${fmt(h.edges[k + 1])}${k === bins - 1 ? "]" : ")"}: ${c}`);
  return {
    data: [{ type: "bar", name: plotlyText(x), x: centers, y: h.counts, width: widths, hovertext: text, hoverinfo: "text", marker: { color: "#4c78a8", line: { color: "#fff", width: 1 } } }],
    layout: { ...baseLayout(`${plotlyText(title)} (n = ${h.n}${h.missing ? `, missing ${h.missing}` : ""})`, plotlyText(x), "count", { bargap: 0 }), ...referenceLines(lines) },
  };
}

const fmt = (v: number) => String(Number(v.toPrecision(4)));
