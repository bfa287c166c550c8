import type { ScoringOutput } from "../rules/score-sessions";
import { histogramBins } from "./histogram-bins";
import { baseLayout, type Figure } from "./figure";

/**
 * The overall score's distribution under two scorings (today's rules and tuned ones), as two step histograms
 * over 0–100 in 5-point bins.
 *
 * @example scoreShiftFigure(scoreSessions(input, defaultRules()), scoreSessions(input, tuned))
 */
export function scoreShiftFigure(before: ScoringOutput, after: ScoringOutput, labels: [string, string] = ["today", "tuned"]): Figure {
  const trace = (out: ScoringOutput, name: string, color: string) => {
    const h = histogramBins(out.overall, { bins: 20, range: [0, 100] });
    return { type: "scatter", mode: "lines", line: { shape: "hv", color, width: 2 }, name, x: h.edges, y: [...h.counts, h.counts[h.counts.length - 1]] };
  };
  return {
    data: [trace(before, labels[0], "#888"), trace(after, labels[1], "#4c78a8")],
    layout: baseLayout(`Overall score, ${labels[0]} vs ${labels[1]}`, "overall score", "sessions"),
  };
}
