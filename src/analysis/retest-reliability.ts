import type * as aq from "arquero";
import { pearson } from "../stats/correlation";
import { iccConsistencyOf } from "../stats/icc-consistency";
import { dimensionColumn } from "../join/columns";
import { storedColumn } from "./finite-column";

/**
 * Pearson's r between a student's consecutive sessions on one dimension, over a `studentTimelines` table: the
 * plain test–retest stand-in. Real growth between the sessions lowers it (practice effects).
 *
 * @example consecutiveRetest(studentTimelines(t.sessions), "表达清晰度") // { r: 0.41, pairs: 812 }
 */
export function consecutiveRetest(timeline: aq.ColumnTable, dimension: string): { r: number | undefined; pairs: number } {
  const users = storedColumn(timeline, "user_id") as ArrayLike<string>;
  const scores = storedColumn(timeline, dimensionColumn(dimension)) as ArrayLike<number>;
  const pair = (i: number) => users[i] === users[i - 1] && Number.isFinite(scores[i]) && Number.isFinite(scores[i - 1]);
  let m = 0;
  for (let i = 1; i < users.length; i++) if (pair(i)) m++;
  // Counted, then filled: typed arrays of the pairs' length, off the JS heap.
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  for (let i = 1, k = 0; k < m; i++) {
    if (!pair(i)) continue;
    a[k] = scores[i - 1];
    b[k++] = scores[i];
  }
  return { r: pearson(a, b), pairs: m };
}

/**
 * The growth-corrected test–retest reliability of one dimension: ICC(C,1) (McGraw & Wong, 1996; ICC(3,1) of
 * Shrout & Fleiss, 1979) over each student's first `sessions` scored sessions, the session index a fixed effect,
 * so the cohort's practice gain from one session to the next does not count as instability. Students with fewer
 * scored sessions are left out. Read it on Koo & Li's (2016) scale (< 0.50 poor).
 *
 * @example growthCorrectedRetest(studentTimelines(t.sessions), "表达清晰度") // { icc: 0.62, students: 240, sessions: 3 }
 */
export function growthCorrectedRetest(timeline: aq.ColumnTable, dimension: string, sessions = 3): { icc: number | undefined; students: number; sessions: number } {
  const users = storedColumn(timeline, "user_id") as ArrayLike<string>;
  const scores = storedColumn(timeline, dimensionColumn(dimension)) as ArrayLike<number>;
  // Counted, then filled: the students × sessions matrix in one typed array (no array per student).
  const students = firstScored(users, scores, sessions);
  const matrix = new Float64Array(students * sessions);
  firstScored(users, scores, sessions, matrix);
  return { icc: iccConsistencyOf(matrix, sessions), students, sessions };
}

/**
 * Walks a timeline's rows (grouped by user, in order) and counts the students with at least `sessions` scored
 * sessions; with `out`, writes their first `sessions` scores there, student after student (`out[s * sessions + j]`).
 */
function firstScored(users: ArrayLike<string>, scores: ArrayLike<number>, sessions: number, out?: Float64Array): number {
  let students = 0;
  let have = 0;
  for (let i = 0; i < users.length; i++) {
    if (i > 0 && users[i] !== users[i - 1]) have = 0;
    if (!Number.isFinite(scores[i]) || have >= sessions) continue;
    // A student who never reaches `sessions` is overwritten by the next one (or written past the end: ignored).
    if (out) out[students * sessions + have] = scores[i];
    if (++have === sessions) students++;
  }
  return students;
}
