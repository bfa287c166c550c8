import type * as aq from "arquero";
import { pearson } from "../stats/correlation";
import { iccConsistency } from "../stats/icc-consistency";
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
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 1; i < users.length; i++) {
    if (users[i] === users[i - 1] && Number.isFinite(scores[i]) && Number.isFinite(scores[i - 1])) {
      a.push(scores[i - 1]);
      b.push(scores[i]);
    }
  }
  return { r: pearson(a, b), pairs: a.length };
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
  const rows: number[][] = [];
  let row: number[] = [];
  for (let i = 0; i < users.length; i++) {
    if (i > 0 && users[i] !== users[i - 1]) row = [];
    if (!Number.isFinite(scores[i]) || row.length >= sessions) continue;
    row.push(scores[i]);
    if (row.length === sessions) rows.push(row);
  }
  return { icc: iccConsistency(rows), students: rows.length, sessions };
}
