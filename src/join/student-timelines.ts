import * as aq from "arquero";
import { SESSION_COLUMNS as C, TIMELINE_COLUMNS as T } from "./columns";
import { sortedPresent } from "../stats/average-ranks";
import { CodedColumn } from "../store/coded-column";
import { PickedColumn } from "./picked-column";

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
  const users = userRanks(table);
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
 * Each row's user (in the table's row order) as its rank among the table's distinct user ids in code unit order,
 * -1 for none (null): read off the dictionary's codes when the column is coded (a `CodedColumn`, or rows picked
 * from one: the sessions table's), so that 2M rows cost an array lookup each instead of Map lookups of their ids;
 * else through a Map of the ids.
 */
function userRanks(table: aq.ColumnTable): Int32Array {
  const column = table.column(C.user_id) as unknown;
  const coded = column instanceof CodedColumn ? { codes: column, index: undefined } : column instanceof PickedColumn && column.source instanceof CodedColumn ? { codes: column.source as CodedColumn<string | null>, index: column.index } : undefined;
  const n = table.numRows();
  const rank = new Int32Array(n);
  if (!coded) {
    const users = table.array(C.user_id) as ArrayLike<string | null | undefined>;
    const ids = new Map<string, number>();
    for (let i = 0; i < n; i++) if (users[i] !== null && users[i] !== undefined) ids.set(users[i]!, 0);
    [...ids.keys()].sort().forEach((u, r) => ids.set(u, r));
    for (let i = 0; i < n; i++) rank[i] = users[i] === null || users[i] === undefined ? -1 : ids.get(users[i]!)!;
    return rank;
  }
  const { values, codes } = coded.codes;
  const raw = table.isFiltered() || table.isOrdered() ? table.indices() : undefined;
  const codeAt = (p: number) => {
    const row = raw ? raw[p] : p;
    const at = coded.index ? coded.index[row] : row;
    return at < 0 ? -1 : codes.at(at);
  };
  const ofCode = new Int32Array(values.length).fill(-2);
  for (let p = 0; p < n; p++) {
    const c = codeAt(p);
    if (c >= 0 && values[c] !== null && values[c] !== undefined) ofCode[c] = -1;
  }
  const used: number[] = [];
  ofCode.forEach((r, c) => r === -1 && used.push(c));
  // Ordered by code units, as `sort()` orders strings; codes of equal ids (none, from one dictionary) share a rank.
  used.sort((a, b) => ((values[a] as string) < (values[b] as string) ? -1 : (values[a] as string) > (values[b] as string) ? 1 : 0));
  used.forEach((c, k) => (ofCode[c] = k > 0 && values[c] === values[used[k - 1]] ? ofCode[used[k - 1]] : k === 0 ? 0 : ofCode[used[k - 1]] + 1));
  for (let p = 0; p < n; p++) {
    const c = codeAt(p);
    rank[p] = c < 0 || ofCode[c] < 0 ? -1 : ofCode[c];
  }
  return rank;
}

/**
 * The positions of the rows with a user, ordered by user (its rank: code unit order) then time (null first, then
 * invalid, then ascending), ties in row order: the times radix-sorted, then a stable counting sort by the user's rank.
 */
function timelineOrder(users: Int32Array, ts: (row: number) => unknown): Int32Array {
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
  // Then by user, stably: a counting sort on the users' ranks.
  let distinct = 0;
  for (let i = 0; i < n; i++) if (users[i] >= distinct) distinct = users[i] + 1;
  const starts = new Int32Array(distinct + 1);
  for (let i = 0; i < n; i++) if (users[i] >= 0) starts[users[i] + 1]++;
  for (let r = 1; r <= distinct; r++) starts[r] += starts[r - 1];
  const out = new Int32Array(starts[distinct]);
  const place = (rows: ArrayLike<number>) => {
    for (let k = 0; k < rows.length; k++) if (users[rows[k]] >= 0) out[starts[users[rows[k]]]++] = rows[k];
  };
  [none, invalid, timed].forEach(place);
  return out;
}
