import { baseLayout, plotlyText, type Figure } from "./figure";
import { PALETTE } from "./cohort-figure";

/** One student's sessions in time order, as columns: what `trajectoryTraces` draws. */
export interface StudentSeries {
  userId: string;
  sessionIds: readonly string[];
  dimensions: readonly string[];
  /** Per dimension, the scores in session order (`NaN`/`null` where absent). */
  scores: readonly ArrayLike<number | null>[];
}

/**
 * A student's trajectory from columns: every dimension's score by session index. The report's student picker
 * calls this in the browser; `trajectoryFigure` calls it with a table.
 */
export function trajectoryTraces(s: StudentSeries): Figure {
  const x = s.sessionIds.map((_, i) => i + 1);
  return {
    data: s.dimensions.map((dim, k) => ({
      type: "scatter", mode: "lines+markers", name: plotlyText(dim), x, y: Array.from(s.scores[k], (v) => (v !== null && Number.isFinite(v) ? v : null)),
      text: s.sessionIds.map(plotlyText), line: { color: PALETTE[k % PALETTE.length] },
    })),
    layout: { ...baseLayout(`Trajectory of ${plotlyText(s.userId)} (${x.length} sessions)`, "session index", "score"), xaxis: { title: { text: "session index" }, dtick: 1 } },
  };
}
