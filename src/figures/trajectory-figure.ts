import type * as aq from "arquero";
import { dimensionValues } from "../join/column-values";
import { studentTimelines } from "../join/student-timelines";
import type { Figure } from "./figure";
import { trajectoryTraces } from "./trajectory-traces";

/**
 * One student's trajectory: every dimension's score by session, in time order. Throws when the student has no
 * session, naming the student.
 *
 * @example trajectoryFigure(t.sessions, t.dimensions, "u_2826cb6e")
 */
export function trajectoryFigure(sessions: aq.ColumnTable, dimensions: readonly string[], userId: string): Figure {
  const mine = studentTimelines(sessions.params({ userId }).filter((d: { user_id: string }, $: { userId: string }) => d.user_id === $.userId));
  if (mine.numRows() === 0) throw new Error(`no session for user_id ${JSON.stringify(userId)}`);
  return trajectoryTraces({
    userId,
    sessionIds: Array.from(mine.array("session_id") as ArrayLike<string>),
    dimensions,
    scores: dimensions.map((d) => dimensionValues(mine, d, "sessions") as ArrayLike<number>),
  });
}
