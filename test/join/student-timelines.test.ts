import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import { randomLcg } from "d3-random";
import { studentTimelines } from "../../src/index";

/** The reference: the arquero pipeline studentTimelines replaces (comparator sort, row_number and count per user). */
const reference = (sessions: aq.ColumnTable) => sessions
  .filter((d: { user_id: string | null }) => d.user_id != null)
  .reify()
  .orderby("user_id", "ts")
  .groupby("user_id")
  .derive({ session_index: aq.op.row_number(), n_sessions: aq.op.count() })
  .ungroup()
  .reify();

/** Rows as plain values (Dates as epoch ms, so NaN of an invalid Date compares). */
const rows = (t: aq.ColumnTable) => (t.objects() as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? +v : v])));

test("studentTimelines orders exactly as arquero's orderby(user_id, ts): null and invalid times, ties, code-unit user order, views", () => {
  const random = randomLcg(0.7);
  const users = ["u10", "u9", "U1", "é", "e\u0301", "😀", "", "u1", null, undefined];
  const n = 3000;
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const sessions = aq.table({
    session_id: Array.from({ length: n }, (_, i) => `s${i}`),
    user_id: Array.from({ length: n }, () => pick(users)),
    // Few distinct times (ties), a null time and an invalid Date among them.
    ts: Array.from({ length: n }, () => pick([null, new Date(NaN), new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2025, 0, 1, 0, 0, 1)), new Date(-1)])),
    score: Float64Array.from({ length: n }, () => Math.round(random() * 100)),
  });
  assert.deepEqual(rows(studentTimelines(sessions)), rows(reference(sessions)));
  const view = sessions.orderby(aq.desc("session_id")).filter((r: { score: number }) => r.score > 20);
  assert.deepEqual(rows(studentTimelines(view)), rows(reference(view)));
  const grouped = sessions.groupby("score");
  assert.deepEqual(rows(studentTimelines(grouped)), rows(reference(grouped)));
  assert.equal(studentTimelines(grouped).isGrouped(), false);
});
