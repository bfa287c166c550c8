import type * as aq from "arquero";
import { createRng } from "../generate/rng";

/** The sessions the report's page holds: all of them, or a seeded sample of students with all their sessions. */
export interface SessionSample {
  /**
   * Row positions (in the table given) of the sessions kept, grouped: the kept students in user_id order, each
   * student's sessions in time order; then the kept guest sessions (no user_id), in table order.
   */
  rows: Int32Array;
  /** The kept students, in the order of `rows`, and how many consecutive rows each has. */
  students: { ids: string[]; counts: number[] };
  /** The chance every session had to be kept (1: all of them). */
  probability: number;
  /** Sessions and students in the whole table. */
  total: { sessions: number; students: number };
  seed: number;
}

/** Options of `sessionSample`. */
export interface SessionSampleOptions {
  /** Keep every session up to this many; above it, about this many. Default 150,000. */
  maxSessions?: number;
  /** Seed of the draw. Default 1. */
  seed?: number;
  /**
   * Bytes the sample may take in the page, at ~140 bytes a session (its packed columns) plus its ids' length: long
   * ids (a hostile log's) lower the number of sessions kept below `maxSessions`. Default 30 MB.
   */
  maxBytes?: number;
}

/**
 * Picks the sessions the report embeds. Up to `maxSessions` sessions, all of them; above that every student (with
 * all their sessions) and every guest session is kept with the same probability p = maxSessions / sessions, drawn
 * with a seeded RNG in user_id order: every session has the same chance p, so shares over the sample estimate the
 * whole log's, and each kept student's trajectory is complete. The sample holds ≈ maxSessions sessions.
 *
 * @example sessionSample(t.joined, { maxSessions: 150_000 }).rows.length
 */
export function sessionSample(table: aq.ColumnTable, options: SessionSampleOptions = {}): SessionSample {
  const { seed = 1, maxBytes = 30e6 } = options;
  const users = table.array("user_id") as ArrayLike<string | null>;
  const n = users.length;
  const maxSessions = Math.min(options.maxSessions ?? 150_000, Math.floor(maxBytes / (140 + meanIdLength(table))));
  const perUser = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const u = users[i];
    if (u != null) perUser.set(u, (perUser.get(u) ?? 0) + 1);
  }
  const probability = n <= maxSessions ? 1 : maxSessions / n;
  const rng = createRng(seed);
  const keep = (): boolean => probability === 1 || rng.uniform() < probability;
  const ids = [...perUser.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map<string, number>();
  const kept: string[] = [];
  for (const u of ids) if (keep()) { rank.set(u, kept.length); kept.push(u); }
  const guestKept: number[] = [];
  const studentRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = users[i];
    if (u == null) { if (keep()) guestKept.push(i); } else if (rank.has(u)) studentRows.push(i);
  }
  const time = timeOf(table, studentRows);
  const order = studentRows.map((_, k) => k);
  order.sort((a, b) => rank.get(users[studentRows[a]]!)! - rank.get(users[studentRows[b]]!)! || time[a] - time[b] || studentRows[a] - studentRows[b]);
  const rows = new Int32Array(studentRows.length + guestKept.length);
  order.forEach((k, j) => (rows[j] = studentRows[k]));
  rows.set(guestKept, studentRows.length);
  return { rows, students: { ids: kept, counts: kept.map((u) => perUser.get(u)!) }, probability, total: { sessions: n, students: perUser.size }, seed };
}

/** The mean length of a session's ids (session_id and user_id) in UTF-8 bytes: what they add to the page. */
function meanIdLength(table: aq.ColumnTable): number {
  let sum = 0;
  const n = table.numRows();
  for (const name of ["session_id", "user_id"]) {
    // Through the getter: an array of every session's id would be a string per session held at once.
    const id = table.getter(name) as (row: number) => string | null;
    for (let i = 0; i < n; i++) {
      const v = id(i);
      if (v) sum += Buffer.byteLength(v);
    }
  }
  return n ? sum / n : 0;
}

/** The sessions' times (ms; missing ones last) at the given rows. */
function timeOf(table: aq.ColumnTable, rows: readonly number[]): Float64Array {
  // At the kept rows only: not a Date per session of the table.
  const ts = table.getter("ts") as (row: number) => Date | null;
  return Float64Array.from(rows, (r) => {
    const t = ts(r)?.getTime();
    return t === undefined || Number.isNaN(t) ? Infinity : t;
  });
}
