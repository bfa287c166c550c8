import type { DimensionQualityReport } from "../analysis/dimension-quality";
import { baseLayout, plotlyText, type Figure } from "./figure";
import { categoryAxis } from "./category-axis";
import { plotlyLabel, TICK_LABEL_LENGTH } from "./short-label";

const VERDICT_COLOR = { ok: "#54a24b", concentrated: "#eeca3b", arbitrary: "#e45756" } as const;

/**
 * Dimension quality at a glance: per dimension (labelled with its verdict), the item–rest r, the test–retest r,
 * the share at the ceiling and at the floor, and the histogram's normalised entropy, side by side on an axis from
 * −0.2 (lower when a correlation is) to 1, as
 * horizontal bars. The dimensions are placed by position (`categoryAxis`): every name is drawn (`__proto__` and
 * `constructor` too) and no label overlaps another at any count; a long name is cut (`plotlyLabel`), the hover
 * gives it whole.
 *
 * @example qualityFigure(dimensionQuality(t.sessions, t.dimensions))
 */
export function qualityFigure(report: DimensionQualityReport): Figure {
  const names = Object.keys(report.dimensions);
  const labels = names.map((n) => `${plotlyLabel(n, TICK_LABEL_LENGTH)}<br><span style="color:${VERDICT_COLOR[report.dimensions[n].verdict]}">${report.dimensions[n].verdict}</span>`);
  const { positions, axis, height } = categoryAxis(labels, { rowHeight: 42 });
  const hover = names.map(plotlyText);
  const metric = (key: "item_rest_r" | "retest_r" | "ceiling_share" | "floor_share" | "entropy", name: string, color: string) => ({
    type: "bar", orientation: "h", name, y: positions, x: names.map((n) => report.dimensions[n][key]), hovertext: hover, hoverinfo: "text+x+name", marker: { color },
  });
  // The axis runs from −0.2 to 1, or lower when a correlation is below −0.2: a bar is never cut at the axis's end.
  const correlations = names.flatMap((n) => [report.dimensions[n].item_rest_r, report.dimensions[n].retest_r]).filter((r): r is number => r !== null && Number.isFinite(r));
  const low = Math.min(-0.2, ...correlations.map((r) => Math.floor((r - 0.05) * 10) / 10));
  return {
    data: [
      metric("item_rest_r", "item–rest r", "#4c78a8"),
      metric("retest_r", "test–retest r", "#72b7b2"),
      metric("ceiling_share", "share at ceiling", "#f58518"),
      metric("floor_share", "share at floor", "#b279a2"),
      metric("entropy", "normalised entropy", "#9d755d"),
    ],
    layout: baseLayout(`Dimension quality (Cronbach's α = ${report.cronbach_alpha === null ? "n/a" : report.cronbach_alpha.toFixed(2)})`, "value", "", {
      barmode: "group", height, xaxis: { title: { text: "value" }, range: [low, 1], automargin: true }, yaxis: axis,
    }),
  };
}
