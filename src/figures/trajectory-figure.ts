import type * as aq from "arquero";
import { studentTimelines } from "../join/student-timelines";
import { baseLayout, plotlyText, type Figure } from "./figure";
import { PALETTE } from "./cohort-figure";

/**
 * One student's trajectory: every dimension's score by session, in time order. Throws when the student has no
 * session, naming the student.
 *
 * @example trajectoryFigure(t.sessions, t.dimensions, "u_2826cb6e")
 */
export function trajectoryFigure(sessions: aq.ColumnTable, dimensions: readonly string[], userId: string): Figure {
  const mine = studentTimelines(sessions.params({ userId }).filter((d: { user_id: string }, $: { userId: string }) => d.user_id === $.userId));
  if (mine.numRows() === 0) throw new Error(`no session for user_id ${JSON.stringify(userId)}`);
  const x = Array.from(mine.array("session_index") as ArrayLike<number>);
  const ids = Array.from(mine.array("session_id") as ArrayLike<string>);
  return {
    data: dimensions.map((dim, k) => ({
      type: "scatter", mode: "lines+markers", name: plotlyText(dim), x, y: Array.from(mine.array(dim) as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : null)), text: ids.map(plotlyText), line: { color: PALETTE[k % PALETTE.length] },
    })),
    layout: { ...baseLayout(`Trajectory of ${plotlyText(userId)} (${x.length} sessions)`, "session index", "score"), xaxis: { title: { text: "session index" }, dtick: 1 } },
  };
}
