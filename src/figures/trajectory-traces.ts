import { baseLayout, plotlyText, type Figure } from "./figure";
import { PALETTE } from "./cohort-figure";
import { NAME_LABEL_LENGTH, plotlyLabel } from "./short-label";
import { legendHeight } from "./legend-height";

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
 * calls this in the browser; `trajectoryFigure` calls it with a table. Long names and ids are cut with an ellipsis
 * in the legend and the title (`plotlyLabel`); the hover gives the dimension and the session id whole.
 */
export function trajectoryTraces(s: StudentSeries): Figure {
  const x = s.sessionIds.map((_, i) => i + 1);
  const sessions = s.sessionIds.map(plotlyText);
  return {
    data: s.dimensions.map((dim, k) => ({
      type: "scatter", mode: "lines+markers", name: plotlyLabel(dim, NAME_LABEL_LENGTH), x, y: Array.from(s.scores[k], (v) => (v !== null && Number.isFinite(v) ? v : null)),
      hovertext: sessions.map((id) => `${plotlyText(dim)}<br>${id}`), hoverinfo: "text+x+y", line: { color: PALETTE[k % PALETTE.length] },
    })),
    layout: {
      ...baseLayout(`Trajectory of ${plotlyLabel(s.userId, NAME_LABEL_LENGTH)} (${x.length} sessions)`, "session index", "score", { height: legendHeight(s.dimensions.length) }),
      xaxis: { title: { text: "session index" }, dtick: 1 },
    },
  };
}
