import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadTables, sessionSample } from "../../src/index";

const SAMPLE = join(__dirname, "..", "..", "data", "sample", "metrics.log");

test("sessionSample keeps every session up to maxSessions, grouped by student in time order", async () => {
  const t = await loadTables(SAMPLE);
  const n = t.joined.numRows();
  const s = sessionSample(t.joined);
  assert.equal(s.probability, 1);
  assert.equal(s.rows.length, n);
  assert.deepEqual([...s.rows].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i), "each row once");
  const users = t.joined.array("user_id") as (string | null)[];
  const ts = t.joined.array("ts") as Date[];
  const students = new Set(users.filter((u) => u != null));
  assert.equal(s.students.ids.length, students.size);
  assert.equal(s.total.students, students.size);
  let at = 0;
  s.students.ids.forEach((id, k) => {
    const mine = Array.from(s.rows.subarray(at, at + s.students.counts[k]));
    assert.ok(mine.every((r) => users[r] === id), id);
    assert.equal(mine.length, users.filter((u) => u === id).length);
    for (let j = 1; j < mine.length; j++) assert.ok(ts[mine[j - 1]].getTime() <= ts[mine[j]].getTime(), `${id} in time order`);
    at += s.students.counts[k];
  });
  assert.ok(s.rows.subarray(at).every((r) => users[r] == null), "guest sessions last");
  assert.deepEqual([...s.students.ids], [...students].sort(), "students in id order");
});

test("past maxSessions: whole students kept with one probability, seeded", async () => {
  const t = await loadTables(SAMPLE);
  const n = t.joined.numRows();
  const s = sessionSample(t.joined, { maxSessions: 120, seed: 7 });
  assert.equal(s.probability, 120 / n);
  assert.deepEqual(sessionSample(t.joined, { maxSessions: 120, seed: 7 }), s, "same seed, same sample");
  assert.notDeepEqual(sessionSample(t.joined, { maxSessions: 120, seed: 8 }).students.ids, s.students.ids);
  const users = t.joined.array("user_id") as (string | null)[];
  const total = s.students.counts.reduce((a, b) => a + b, 0);
  for (const [k, id] of s.students.ids.entries()) assert.equal(s.students.counts[k], users.filter((u) => u === id).length, `${id}: all sessions`);
  assert.ok(s.rows.length >= total);
  // ≈ maxSessions: a student sample with p = 120/358 over ~100 students holds 120 ± a few dozen sessions
  assert.ok(s.rows.length > 60 && s.rows.length < 180, `${s.rows.length} sessions`);
});

test("long ids lower the sample's size: the page's bytes stay within maxBytes", async () => {
  const t = await loadTables(SAMPLE);
  const n = t.joined.numRows();
  const ids = [...(t.joined.array("session_id") as string[]), ...(t.joined.array("user_id") as (string | null)[])];
  const mean = ids.reduce((sum, id) => sum + (id ? Buffer.byteLength(id) : 0), 0) / n;
  const s = sessionSample(t.joined, { maxBytes: 50_000 });
  assert.equal(s.probability, Math.floor(50_000 / (140 + mean)) / n);
  assert.ok(s.probability < 1);
});
