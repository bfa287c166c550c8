import type { SweepPoint } from "../analysis/sweep";
import { baseLayout, plotlyText, type Figure } from "./figure";
import { NAME_LABEL_LENGTH, plotlyLabel } from "./short-label";
import { legendHeight } from "./legend-height";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * A threshold sweep with a slider: the share of the sessions with a value that the threshold flags and every
 * dimension's tag rates (of all sessions; the axis, legend and readout name both denominators) along the grid, a dashed line at a reference value (today's, or e.g. a planted one: `label` names it), and a
 * slider that moves a marker along the grid and reads out the figures at that value — no re-run needed. Long
 * dimension names are cut with an ellipsis (`plotlyLabel`).
 *
 * @example sweepFigure(sweep(input, defaultRules(), "clarity.filler.mid"), "clarity.filler.mid", 0.02)
 * @example sweepFigure(points, "media.audio.pause_ratio.max", 0.3, "planted")
 */
export function sweepFigure(points: readonly SweepPoint[], path: string, today: number | null, label = "today"): Figure {
  if (points.length === 0) throw new Error(`sweep of ${path} has no points`);
  const x = points.map((p) => p.value);
  const dims = Object.keys(points[0].risk_rate);
  const { with_value: present, sessions } = points[0];
  const readout = (p: SweepPoint) =>
    `${plotlyText(path)} = ${Number(p.value.toPrecision(4))}: flags ${pct(p.flagged_share)} of ${present} with a value<br>` +
    `tag rates of all ${sessions} sessions:<br>` +
    dims.map((d) => `${plotlyLabel(d, NAME_LABEL_LENGTH)}: risk ${pct(p.risk_rate[d])}, strength ${pct(p.strength_rate[d])}`).join("<br>");
  const start = today === null ? 0 : x.reduce((best, v, k) => (Math.abs(v - today) < Math.abs(x[best] - today) ? k : best), 0);
  const marker = (v: number) => ({ type: "line", xref: "x", yref: "paper", x0: v, x1: v, y0: 0, y1: 1, line: { color: "#333", width: 2 } });
  const todayLine = today === null ? [] : [{ type: "line", xref: "x", yref: "paper", x0: today, x1: today, y0: 0, y1: 1, line: { color: "#c0392b", dash: "dash", width: 1.5 } }];
  return {
    data: [
      { type: "scatter", mode: "lines", name: `flagged (of ${present} sessions with a value)`, x, y: points.map((p) => p.flagged_share), line: { color: "#333", width: 3 } },
      ...dims.map((d) => ({ type: "scatter", mode: "lines", name: `risk: ${plotlyLabel(d, NAME_LABEL_LENGTH)}`, x, y: points.map((p) => p.risk_rate[d]), line: { dash: "dash" } })),
      ...dims.map((d) => ({ type: "scatter", mode: "lines", name: `strength: ${plotlyLabel(d, NAME_LABEL_LENGTH)}`, x, y: points.map((p) => p.strength_rate[d]), line: { dash: "dot" } })),
    ],
    layout: {
      ...baseLayout(`Sweep of ${plotlyText(path)}${today === null ? "" : ` (${plotlyText(label)} ${today}, dashed)`}`, plotlyText(path), shareAxis(present, sessions), { height: legendHeight(2 * dims.length + 1, 520), margin: { l: 60, r: 20, t: 60, b: 130 } }),
      shapes: [...todayLine, marker(x[start])],
      // The readout sits in the plot's top right corner, on a white box: below the axis it would cover the slider's ticks.
      annotations: [{ xref: "paper", yref: "paper", x: 1, y: 1, xanchor: "right", yanchor: "top", showarrow: false, align: "left", text: readout(points[start]), font: { size: 11 }, bgcolor: "rgba(255,255,255,0.9)", bordercolor: "#bbb", borderwidth: 1, borderpad: 4 }],
      sliders: [{
        active: start, currentvalue: { prefix: `${plotlyText(path)} = `, xanchor: "right" }, pad: { t: 50 },
        steps: points.map((p) => ({
          label: String(Number(p.value.toPrecision(4))), method: "relayout",
          args: [{ shapes: [...todayLine, marker(p.value)], "annotations[0].text": readout(p) }],
        })),
      }],
    },
  };
}

/**
 * The y axis's title: one denominator when every session has a value, else both.
 *
 * @example shareAxis(365, 373) // "share: flagged of 365 sessions with a value, tags of all 373"
 */
function shareAxis(present: number, sessions: number): string {
  return present === sessions ? `share of the ${sessions} sessions` : `share: flagged of ${present} sessions with a value, tags of all ${sessions}`;
}
