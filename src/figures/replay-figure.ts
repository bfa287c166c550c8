import type { ReplayReport } from "../analysis/replay";
import { baseLayout, type Figure } from "./figure";

/**
 * Replay at a glance: per field (scores, overall, strength tags, risk tags, tasks), the share of sessions where the
 * rules reproduce the log, with the number of sessions that differ.
 *
 * @example replayFigure(replay(input, defaultRules()))
 */
export function replayFigure(report: ReplayReport): Figure {
  const fields = Object.keys(report.agreement) as (keyof ReplayReport["agreement"])[];
  const changed = (f: string) => (f === "overall_score" ? null : report.changed[f as keyof ReplayReport["changed"]]);
  return {
    data: [{
      type: "bar", name: "agreement", x: fields, y: fields.map((f) => report.agreement[f]),
      text: fields.map((f) => `${(100 * report.agreement[f]).toFixed(1)}%${changed(f) ? ` (${changed(f)} differ)` : ""}`), textposition: "auto",
      marker: { color: fields.map((f) => (report.agreement[f] === 1 ? "#54a24b" : "#e45756")) },
    }],
    layout: baseLayout(`Replay of the rules: agreement with the log (${report.sessions} sessions)`, "field", "share of sessions reproduced", { yaxis: { title: { text: "share of sessions reproduced" }, range: [0, 1.05] } }),
  };
}
