import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import { randomLcg } from "d3-random";
import { studentTimelines } from "../../src/index";
// Imported as studentTimelines imports them (a dynamic import would load other instances of the classes).
import { CodedColumn } from "../../src/store/coded-column";
import { BlockColumn } from "../../src/store/block-column";
import { PickedColumn } from "../../src/join/picked-column";

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

test("studentTimelines on dictionary-coded user ids (a CodedColumn, rows picked from one, a view) orders as on the plain ids", () => {
  const random = randomLcg(0.3);
  // A null entry, and one id under two codes: rows of either code are one student.
  const values = ["u10", "u9", null, "U1", "é", "e\u0301", "😀", "", "u9", "unused"];
  const n = 2500;
  const codes = Int32Array.from({ length: n }, () => Math.floor(random() * 9));
  const ts = Array.from({ length: n }, () => [null, new Date(NaN), new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2024, 5, 1)), new Date(-1)][Math.floor(random() * 5)]);
  const score = Float64Array.from({ length: n }, () => Math.round(random() * 100));
  const coded = new CodedColumn<string | null>(BlockColumn.of(Int32Array, codes), values);
  const index = Int32Array.from({ length: n }, (_, i) => (i % 17 === 0 ? -1 : n - 1 - i));
  const picked = new PickedColumn<string | null>(coded, index);
  const plain = (col: { at(i: number): string | null | undefined }) => Array.from({ length: n }, (_, i) => col.at(i) ?? null);
  for (const column of [coded, picked]) {
    const table = aq.table({ session_id: Array.from({ length: n }, (_, i) => `s${i}`), user_id: column as unknown as string[], ts, score });
    const same = aq.table({ session_id: Array.from({ length: n }, (_, i) => `s${i}`), user_id: plain(column), ts, score });
    assert.deepEqual(rows(studentTimelines(table)), rows(studentTimelines(same)));
    assert.deepEqual(rows(studentTimelines(table)), rows(reference(same)));
    const view = (t: aq.ColumnTable) => t.orderby(aq.desc("session_id")).filter((r: { score: number }) => r.score > 20);
    assert.deepEqual(rows(studentTimelines(view(table))), rows(reference(view(same))));
  }
});
