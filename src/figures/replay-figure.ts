import type { ReplayReport } from "../analysis/replay";
import { baseLayout, type Figure } from "./figure";
import { categoryAxis } from "./category-axis";

/**
 * Replay at a glance: per field (scores, overall, strength tags, risk tags, tasks), the share of sessions where the
 * rules reproduce the log, with the number of sessions that differ, as horizontal bars (`categoryAxis`: the field
 * names never overlap, whatever the width).
 *
 * @example replayFigure(replay(input, defaultRules()))
 */
export function replayFigure(report: ReplayReport): Figure {
  const fields = Object.keys(report.agreement) as (keyof ReplayReport["agreement"])[];
  const changed = (f: string) => (f === "overall_score" ? null : report.changed[f as keyof ReplayReport["changed"]]);
  const { positions, axis, height } = categoryAxis(fields, { rowHeight: 44 });
  return {
    data: [{
      type: "bar", orientation: "h", name: "agreement", y: positions, x: fields.map((f) => report.agreement[f]), hovertext: fields, hoverinfo: "text+x",
      text: fields.map((f) => `${(100 * report.agreement[f]).toFixed(1)}%${changed(f) ? ` (${changed(f)} differ)` : ""}`), textposition: "auto",
      marker: { color: fields.map((f) => (report.agreement[f] === 1 ? "#54a24b" : "#e45756")) },
    }],
    layout: baseLayout(`Replay of the rules: agreement with the log (${report.sessions} sessions)`, "share of sessions reproduced", "", {
      height, xaxis: { title: { text: "share of sessions reproduced" }, range: [0, 1.05], automargin: true }, yaxis: axis,
    }),
  };
}
