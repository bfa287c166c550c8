import * as aq from "arquero";
import { SESSION_COLUMNS as C, TIMELINE_COLUMNS as T } from "./columns";
import { sortedPresent } from "../stats/average-ranks";

/**
 * Each student's sessions in time order: the sessions (or joined) table without guest sessions (null user_id),
 * ordered by user_id then ts, with `session_index` (1-based) and `n_sessions` (that student's count).
 *
 * The order is arquero's `orderby("user_id", "ts")` exactly (user ids by code unit; a null time first, then an
 * invalid one, then by time; ties in row order), found by two stable linear passes (a radix sort of the times, a
 * counting sort by user) instead of a comparator call per pair: ~6× faster on 445k sessions. The result is a new
 * table (every column in that order; the two new ones `Int32Array`s), ungrouped.
 *
 * @example studentTimelines(sessions).filter(d => d.n_sessions >= 3)
 */
export function studentTimelines(sessions: aq.ColumnTable): aq.ColumnTable {
  const table = sessions.ungroup();
  const users = table.array(C.user_id) as ArrayLike<string | null | undefined>;
  const order = timelineOrder(users, table.getter(C.ts) as (row: number) => unknown);
  const index = new Int32Array(order.length);
  const count = new Int32Array(order.length);
  for (let k = 0, start = 0; k <= order.length; k++) {
    if (k < order.length && (k === 0 || users[order[k]] === users[order[k - 1]])) continue;
    for (let j = start; j < k; j++) {
      index[j] = j - start + 1;
      count[j] = k - start;
    }
    start = k;
  }
  const raw = table.indices();
  const rows = Uint32Array.from(order, (p) => raw[p]);
  return table.reify(rows as unknown as number[]).assign({ [T.session_index]: index, [T.n_sessions]: count });
}

/**
 * The positions of the rows with a user, ordered by user (code unit order) then time (null first, then invalid,
 * then ascending), ties in row order: the times radix-sorted, then a stable counting sort by the user's rank.
 */
function timelineOrder(users: ArrayLike<string | null | undefined>, ts: (row: number) => unknown): Int32Array {
  const n = users.length;
  // By time: the rows without a time, then with an invalid one, then the rest ascending (sortedPresent is stable).
  const ms = new Float64Array(n);
  const none: number[] = [];
  const invalid: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = ts(i);
    ms[i] = v === null || v === undefined ? NaN : +(v as number);
    if (v === null || v === undefined) none.push(i);
    else if (Number.isNaN(ms[i])) invalid.push(i);
  }
  const timed = sortedPresent(ms);
  // Then by user, stably: each user's rank among the distinct users in code unit order.
  const rank = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const u = users[i];
    if (u !== null && u !== undefined && !rank.has(u)) rank.set(u, 0);
  }
  const distinct = [...rank.keys()].sort();
  distinct.forEach((u, r) => rank.set(u, r));
  const starts = new Int32Array(distinct.length + 1);
  for (let i = 0; i < n; i++) {
    const u = users[i];
    if (u !== null && u !== undefined) starts[rank.get(u)! + 1]++;
  }
  for (let r = 1; r <= distinct.length; r++) starts[r] += starts[r - 1];
  const out = new Int32Array(starts[distinct.length]);
  const place = (rows: ArrayLike<number>) => {
    for (let k = 0; k < rows.length; k++) {
      const u = users[rows[k]];
      if (u !== null && u !== undefined) out[starts[rank.get(u)!]++] = rows[k];
    }
  };
  [none, invalid, timed].forEach(place);
  return out;
}
