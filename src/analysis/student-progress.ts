import type * as aq from "arquero";
import { linearRegression, mean, sampleStandardDeviation } from "simple-statistics";
import { studentTimelines } from "../join/student-timelines";
import type { DimensionQualityReport } from "./dimension-quality";
import { TIMELINE_COLUMNS as T, dimensionColumn } from "../join/columns";
import { nameRecord } from "../join/name-record";
import { timelineInput } from "./timeline-input";
import { storedColumn } from "./finite-column";

/** Options of `studentProgress`. */
export interface ProgressOptions {
  /** Students need at least this many sessions. Default 3. */
  minSessions?: number;
  /** |RCI| above this is a change beyond measurement error. Default 1.96 (5% level; Jacobson & Truax, 1991). */
  rciCritical?: number;
  /** `studentTimelines(sessions)` when the caller has it. */
  timeline?: aq.ColumnTable;
}

/** One student's change on one dimension. */
export interface StudentChange {
  user_id: string;
  dimension: string;
  sessions: number;
  first: number;
  last: number;
  change: number;
  /** Least-squares slope per session. */
  slope: number;
  /**
   * Reliable change index of first → last: change / (√2 · SD · √(1 − r_xx)), SD the dimension's and r_xx its
   * growth-corrected retest ICC (`dimensionQuality`'s `retest_icc`; its consecutive-session r when the ICC is null).
   */
  rci: number | null;
  improved: boolean;
}

/** One student's progress: every dimension's first → last change, and the dimensions improved beyond measurement error. */
export interface StudentSummary {
  user_id: string;
  sessions: number;
  /** Dimensions with RCI > `rciCritical`, in dimension order. */
  improved: string[];
  changes: Record<string, { first: number; last: number; slope: number; rci: number | null }>;
}

export interface ProgressReport {
  /** Students with at least `minSessions` sessions. */
  students: number;
  changes: StudentChange[];
  /** Per student (at least `minSessions` sessions), in user_id order. */
  by_student: StudentSummary[];
  dimensions: Record<string, {
    mean_change_per_session: number;
    /** 95% interval of the mean slope (normal approximation). */
    ci95: [number, number];
    improved_students: number;
    /** The cohort's mean change per session is reliably above zero (its interval excludes 0). */
    improved: boolean;
    /** Mean score by session index with a 95% interval: the cohort curve. */
    curve: { session_index: number; mean: number; lo: number; hi: number; n: number }[];
  }>;
}

/**
 * Student progress over students with at least `minSessions` sessions: per dimension, each student's first → last
 * change, slope per session and reliable change index (built on the dimension's test–retest reliability from
 * `dimensionQuality`); the cohort's mean slope with its interval; the cohort curve; the students who improved, per
 * dimension and per student.
 *
 * @example studentProgress(t.sessions, t.dimensions, quality).dimensions["反思与成长意识"].improved_students
 */
export function studentProgress(sessions: aq.ColumnTable, dimensions: readonly string[], quality: DimensionQualityReport, options: ProgressOptions = {}): ProgressReport {
  const { minSessions = 3, rciCritical = 1.96 } = options;
  const timeline = options.timeline ?? studentTimelines(timelineInput(sessions, dimensions));
  // The timeline's rows of students with at least minSessions sessions, read through `rows` (no filtered copy).
  const counts = storedColumn(timeline, T.n_sessions) as ArrayLike<number>;
  const rows = rowsWhere(counts.length, (i) => counts[i] >= Number(minSessions));
  const allUsers = storedColumn(timeline, "user_id") as ArrayLike<string>;
  const allIndex = storedColumn(timeline, T.session_index) as ArrayLike<number>;
  const users = Array.from(rows, (i) => allUsers[i]);
  // The timeline is in user_id order: each student's rows are one run of `users`, starting at starts[g].
  const starts = runStarts(users);
  const summaries: StudentSummary[] = Array.from(starts, (k) => ({ user_id: users[k], sessions: counts[rows[k]], improved: [], changes: nameRecord() }));
  const changes: StudentChange[] = [];
  const report: ProgressReport = { students: starts.length, changes, by_student: summaries, dimensions: nameRecord() };
  for (const dim of dimensions) {
    const allScores = storedColumn(timeline, dimensionColumn(dim)) as ArrayLike<number>;
    const scores = (k: number) => allScores[rows[k]];
    const index = (k: number) => allIndex[rows[k]];
    const sd = quality.dimensions[dim]?.std ?? NaN;
    const rxx = quality.dimensions[dim]?.retest_icc ?? quality.dimensions[dim]?.retest_r ?? null;
    const sdiff = rxx !== null && rxx < 1 ? Math.SQRT2 * sd * Math.sqrt(1 - Math.max(0, rxx)) : NaN;
    const slopes: number[] = [];
    let improvedStudents = 0;
    starts.forEach((start, g) => {
      const end = g + 1 < starts.length ? starts[g + 1] : users.length;
      const pts: [number, number][] = [];
      for (let k = start; k < end; k++) if (Number.isFinite(scores(k))) pts.push([index(k), scores(k)]);
      if (pts.length < minSessions) return;
      const slope = linearRegression(pts).m;
      const first = pts[0][1];
      const last = pts[pts.length - 1][1];
      const change = last - first;
      const rci = Number.isFinite(sdiff) && sdiff > 0 ? change / sdiff : null;
      const improved = rci !== null && rci > rciCritical;
      slopes.push(slope);
      changes.push({ user_id: users[start], dimension: dim, sessions: pts.length, first, last, change, slope, rci, improved });
      summaries[g].changes[dim] = { first, last, slope, rci };
      if (improved) {
        summaries[g].improved.push(dim);
        improvedStudents++;
      }
    });
    const m = slopes.length ? mean(slopes) : NaN;
    const se = slopes.length > 1 ? sampleStandardDeviation(slopes) / Math.sqrt(slopes.length) : NaN;
    const curve = cohortCurve(rows.length, scores, index);
    report.dimensions[dim] = {
      mean_change_per_session: m,
      ci95: [m - 1.96 * se, m + 1.96 * se],
      improved_students: improvedStudents,
      improved: m - 1.96 * se > 0,
      curve,
    };
  }
  return report;
}

/**
 * The cohort curve over rows `0 … n - 1`: per session index (ascending), the mean of the scores present with a 95%
 * interval (normal approximation). The scores of each index are counted, then gathered into a `Float64Array` of that
 * length in row order (no growing arrays on the heap), so the figures are those of the values in row order.
 */
function cohortCurve(n: number, scores: (k: number) => number, index: (k: number) => number): ProgressReport["dimensions"][string]["curve"] {
  const counts = new Map<number, number>();
  for (let k = 0; k < n; k++) if (Number.isFinite(scores(k))) counts.set(index(k), (counts.get(index(k)) ?? 0) + 1);
  const byIndex = new Map<number, { ys: Float64Array; filled: number }>();
  for (const [x, c] of counts) byIndex.set(x, { ys: new Float64Array(c), filled: 0 });
  for (let k = 0; k < n; k++) {
    if (!Number.isFinite(scores(k))) continue;
    const at = byIndex.get(index(k))!;
    at.ys[at.filled++] = scores(k);
  }
  return [...byIndex].sort((a, b) => a[0] - b[0]).map(([session_index, { ys }]) => {
    // simple-statistics reads by index: a typed array gives the figures of the same values.
    const v = ys as unknown as number[];
    const mu = mean(v);
    const half = v.length > 1 ? (1.96 * sampleStandardDeviation(v)) / Math.sqrt(v.length) : 0;
    return { session_index, mean: mu, lo: mu - half, hi: mu + half, n: v.length };
  });
}

/** The rows `i` of `0 … n - 1` where `test(i)`, ascending (counted, then filled). */
function rowsWhere(n: number, test: (i: number) => boolean): Int32Array {
  let m = 0;
  for (let i = 0; i < n; i++) if (test(i)) m++;
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; k < m; i++) if (test(i)) rows[k++] = i;
  return rows;
}

/** Where each run of equal values of `values` starts (the first index of each). */
function runStarts(values: readonly string[]): Int32Array {
  let n = 0;
  for (let k = 0; k < values.length; k++) if (k === 0 || values[k] !== values[k - 1]) n++;
  const starts = new Int32Array(n);
  for (let k = 0, g = 0; k < values.length; k++) if (k === 0 || values[k] !== values[k - 1]) starts[g++] = k;
  return starts;
}
