import type { ProgressReport } from "../analysis/student-progress";
import { baseLayout, plotlyText, type Figure } from "./figure";

/** The colours of dimension lines, in order (Tableau 10). */
export const PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d"];

/**
 * The cohort curve: per dimension, the mean score at each session index with its 95% interval as a band. A
 * dimension's line and band are grouped in the legend by position (`d0`, `d1`, …), never by name: plotly keeps
 * legend groups as keys of a plain object.
 *
 * @example cohortFigure(studentProgress(t.sessions, t.dimensions, quality))
 */
export function cohortFigure(progress: ProgressReport, dimensions: readonly string[] = Object.keys(progress.dimensions)): Figure {
  const data = dimensions.flatMap((dim, k) => {
    const curve = progress.dimensions[dim]?.curve ?? [];
    const color = PALETTE[k % PALETTE.length];
    const x = curve.map((c) => c.session_index);
    return [
      { type: "scatter", mode: "lines", name: `${plotlyText(dim)} 95% CI`, legendgroup: `d${k}`, showlegend: false, x: [...x, ...[...x].reverse()], y: [...curve.map((c) => c.hi), ...curve.map((c) => c.lo).reverse()], fill: "toself", fillcolor: `${color}33`, line: { width: 0 }, hoverinfo: "skip" },
      { type: "scatter", mode: "lines+markers", name: plotlyText(dim), legendgroup: `d${k}`, x, y: curve.map((c) => c.mean), text: curve.map((c) => `n = ${c.n}`), line: { color } },
    ];
  });
  return { data, layout: baseLayout(`Cohort curve (${progress.students} students)`, "session index (1 = first session)", "mean score") };
}


