import type { ProgressReport } from "../analysis/student-progress";
import { baseLayout, plotlyText, type Figure } from "./figure";
import { NAME_LABEL_LENGTH, plotlyLabel } from "./short-label";
import { legendHeight } from "./legend-height";

/** The colours of dimension lines, in order (Tableau 10). */
export const PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d"];

/**
 * The cohort curve: per dimension, the mean score at each session index with its 95% interval as a band. A
 * dimension's line and band are grouped in the legend by position (`d0`, `d1`, …), never by name: plotly keeps
 * legend groups as keys of a plain object. A long name is cut with an ellipsis in the legend
 * (`plotlyLabel`) and given whole in the hover; the figure is tall enough for every legend entry (`legendHeight`).
 *
 * @example cohortFigure(studentProgress(t.sessions, t.dimensions, quality))
 */
export function cohortFigure(progress: ProgressReport, dimensions: readonly string[] = Object.keys(progress.dimensions)): Figure {
  const data = dimensions.flatMap((dim, k) => {
    const curve = progress.dimensions[dim]?.curve ?? [];
    const color = PALETTE[k % PALETTE.length];
    const x = curve.map((c) => c.session_index);
    const name = plotlyLabel(dim, NAME_LABEL_LENGTH);
    const full = plotlyText(dim);
    return [
      { type: "scatter", mode: "lines", name: `${name} 95% CI`, legendgroup: `d${k}`, showlegend: false, x: [...x, ...[...x].reverse()], y: [...curve.map((c) => c.hi), ...curve.map((c) => c.lo).reverse()], fill: "toself", fillcolor: `${color}33`, line: { width: 0 }, hoverinfo: "skip" },
      { type: "scatter", mode: "lines+markers", name, legendgroup: `d${k}`, x, y: curve.map((c) => c.mean), hovertext: curve.map((c) => `${full}: n = ${c.n}`), hoverinfo: "text+x+y", line: { color } },
    ];
  });
  const xTitle = "session index (1 = first session)";
  return { data, layout: baseLayout(`Cohort curve (${progress.students} students)`, xTitle, "mean score", { height: legendHeight(dimensions.length), legend: { tracegroupgap: 0 }, xaxis: { title: { text: xTitle }, dtick: 1 } }) };
}


