import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTables, dimensionScores, studentTimelines, sessionsTable, mediaPerSession, joinMedia, dimensionColumn } from "../../src/index";
import { randomLcg } from "d3-random";
import { writeTemp, sessionLine, mediaLine } from "../helpers";

// A small log whose expected tables are worked out by hand:
//  s1 (u1) reported at 10:00 and re-reported at 12:00 with other scores → the 12:00 report is current.
//  s2 (u1) at 11:00, no media.   s3 (guest) at 09:00.   s9 has media but no report (orphan).
//  s1's media: audio (speech 100) and video (speech 140, eye 0.6) from u1, one audio from u2 (mismatch, speech null).
const log = [
  sessionLine({ sid: "s1", user: "u1", ts: "2025-11-03T10:00:00", scores: [50.0, 92, 40.0] }),
  mediaLine({ sid: "s1", mid: "m1", user: "u1", ts: "2025-11-03T09:50:00", speech: "100.0" }),
  mediaLine({ sid: "s1", mid: "m2", user: "u1", ts: "2025-11-03T09:51:00", type: "video", speech: "140.0", eye: 0.6 }),
  mediaLine({ sid: "s1", mid: "m3", user: "u2", ts: "2025-11-03T09:52:00", speech: "NaN" }),
  sessionLine({ sid: "s2", user: "u1", ts: "2025-11-03T11:00:00.5", scores: [70.0, 100, 90.0] }),
  sessionLine({ sid: "s1", user: "u1", ts: "2025-11-03T12:00:00", scores: [60.0, 85, 80.0] }),
  sessionLine({ sid: "s3", user: null, ts: "2025-11-03T09:00:00", scores: null }),
  mediaLine({ sid: "s9", mid: "m9", user: "u3", ts: "2025-11-03T08:00:00" }),
].join("\n") + "\n";

test("sessions: one row per session from its latest report, ordered by ts, dimension columns from the data", async () => {
  const t = await loadTables(writeTemp("join.log", log));
  assert.deepEqual(t.sessions.array("session_id"), ["s3", "s2", "s1"]);
  assert.deepEqual(Array.from(t.sessions.array(dimensionColumn("结构化表达（STAR）")) as Float64Array), [NaN, 70, 60]);
  assert.deepEqual(Array.from(t.sessions.array("n_reports") as Float64Array), [1, 1, 2]);
  assert.deepEqual((t.sessions.array("ts") as Date[]).map((d) => d.toISOString()), ["2025-11-03T09:00:00.000Z", "2025-11-03T11:00:00.500Z", "2025-11-03T12:00:00.000Z"]);
  assert.deepEqual(t.dimensions, ["结构化表达（STAR）", "表达清晰度", "反思与成长意识"]);
  assert.equal(t.superseded, 1);
  assert.deepEqual(t.rows, { session_report: 4, media_report: 4 });
  const old = sessionsTable(t.data, { reports: "superseded" });
  assert.deepEqual(old.array("session_id"), ["s1"]);
  assert.deepEqual(Array.from(old.array(dimensionColumn("表达清晰度")) as Float64Array), [92]);
  assert.deepEqual(Array.from(old.array("n_reports") as Float64Array), [2]);
  const all = sessionsTable(t.data, { reports: "all" });
  assert.deepEqual(all.array("session_id"), ["s3", "s1", "s2", "s1"]);
  assert.deepEqual(Array.from(all.array("n_reports") as Float64Array), [1, 2, 1, 2]);
});

test("media per session: counts, means over present values, non-null counts; joined, orphans, mismatches", async () => {
  const t = await loadTables(writeTemp("join.log", log));
  const s1 = t.joined.filter((d: { session_id: string }) => d.session_id === "s1").objects()[0] as Record<string, unknown>;
  assert.equal(s1.n_media, 3);
  assert.equal(s1.n_audio, 2);
  assert.equal(s1.n_video, 1);
  assert.equal(s1["audio.speech_rate"], 120); // (100 + 140) / 2, the NaN skipped
  assert.equal(s1["audio.speech_rate.n"], 2);
  assert.equal(s1["video.eye_contact_score"], 0.6);
  const s2 = t.joined.filter((d: { session_id: string }) => d.session_id === "s2").objects()[0] as Record<string, unknown>;
  assert.equal(s2.n_media, 0);
  assert.deepEqual(t.orphans.array("session_id"), ["s9"]);
  assert.deepEqual(t.userMismatches, [{ session_id: "s1", user_id: "u1", media_user_ids: ["u1", "u2"] }]);
  assert.equal(t.issues.length, 1);
  assert.equal(t.issues[0].code, "non_finite");
});

test("long scores and student timelines", async () => {
  const t = await loadTables(writeTemp("join.log", log));
  const long = dimensionScores(t.data);
  assert.equal(long.numRows(), 6); // s2 and s1 × 3 dimensions; s3 has none
  assert.deepEqual(long.filter((d: { session_id: string }) => d.session_id === "s1").array("score"), [60, 85, 80]);
  const tl = studentTimelines(t.sessions);
  assert.deepEqual(tl.array("session_id"), ["s2", "s1"]);
  assert.deepEqual(tl.array("session_index"), [1, 2]);
  assert.deepEqual(tl.array("n_sessions"), [2, 2]);
});

test("media per session: the most frequent emotion, the one seen first winning ties, with few or many distinct values", async () => {
  const media = (sid: string, i: number, emotion: string) =>
    `{"type": "media_report", "user_id": "u1", "session_id": "${sid}", "media_id": "m${sid}${i}", "media_type": "audio", "audio_features": {"speech_rate": 100.0, "emotion": "${emotion}"}, "ts": "2025-11-03T09:0${i % 10}:00"}`;
  const lines = (emotions: string[]) => [
    ...["sad", "happy", "happy", "sad"].map((e, i) => media("a", i, e)), // tie: sad was seen first
    ...["fear", "angry", "angry"].map((e, i) => media("b", i, e)),
    ...emotions.map((e, i) => media("c", i, e)),
  ];
  const few = await loadTables(writeTemp("few.log", lines(["happy"]).join("\n") + "\n"));
  const many = await loadTables(writeTemp("many.log", lines(Array.from({ length: 70 }, (_, i) => `e${i}`)).join("\n") + "\n"));
  type Row = { session_id: string; "audio.emotion": string | null };
  const rows = (t: typeof few) => t.mediaPerSession.objects() as Row[];
  for (const t of [few, many]) {
    const byId = Object.fromEntries(rows(t).map((r) => [r.session_id, r["audio.emotion"]]));
    assert.equal(byId.a, "sad");
    assert.equal(byId.b, "angry");
  }
  assert.equal(rows(few).find((r) => r.session_id === "c")!["audio.emotion"], "happy");
  assert.equal(rows(many).find((r) => r.session_id === "c")!["audio.emotion"], "e0");
  assert.equal(many.orphans.numRows(), 3);
});

test("joinMedia by session_id when the per-session rows do not line up, and mediaPerSession given plain session ids", async () => {
  const t = await loadTables(writeTemp("join-any.log", log));
  const inMediaOrder = mediaPerSession(t.data); // s1 then s9: not the sessions' order
  assert.deepEqual(inMediaOrder.array("session_id"), ["s1", "s9"]);
  const byKey = joinMedia(t.sessions, inMediaOrder);
  assert.deepEqual(byKey.joined.objects(), t.joined.objects());
  assert.deepEqual(byKey.orphans.objects(), t.orphans.objects());
  assert.deepEqual(byKey.userMismatches, t.userMismatches);
  assert.deepEqual(byKey.userMismatches, [{ session_id: "s1", user_id: "u1", media_user_ids: ["u1", "u2"] }]);
  // Plain ids, one of them unknown to the log: it gets a row with no media.
  const given = mediaPerSession(t.data, { sessions: ["s2", "nowhere", "s1"] }).objects() as Record<string, unknown>[];
  assert.deepEqual(given.map((r) => [r.session_id, r.n_media, r.n_audio, r.n_video, r["audio.speech_rate"], r["audio.speech_rate.n"]]), [
    ["s2", 0, 0, 0, NaN, 0],
    ["nowhere", 0, 0, 0, NaN, 0],
    ["s1", 3, 2, 1, 120, 2],
    ["s9", 1, 1, 0, 120, 1],
  ]);
  assert.throws(() => mediaPerSession(t.data, { sessions: ["s1", "s1"] }), /s1 is listed twice/);
});

test("media per session: media_user_ids are the distinct non-null users, first seen first; mismatches against the report's user", async () => {
  // Seeded: sessions whose media carry users drawn from null and three ids, against a plain reading of the lines.
  const random = randomLcg(0.41);
  const pool = [null, "u1", "u2", "u3"];
  const lines: string[] = [];
  const expected = new Map<string, { user: string | null; media: (string | null)[] }>();
  for (let s = 0; s < 60; s++) {
    const user = pool[Math.floor(random() * 4)];
    const media = Array.from({ length: Math.floor(random() * 5) }, () => (random() < 0.7 ? user : pool[Math.floor(random() * 4)]));
    expected.set(`s${s}`, { user, media });
    lines.push(sessionLine({ sid: `s${s}`, user, ts: "2025-11-03T10:00:00" }));
    media.forEach((u, k) => lines.push(mediaLine({ sid: `s${s}`, mid: `m${s}_${k}`, user: u, ts: "2025-11-03T10:01:00" })));
  }
  const t = await loadTables(writeTemp("media-users.log", lines.join("\n") + "\n"), { cache: false });
  const distinct = (us: (string | null)[]) => us.filter((u, k): u is string => u !== null && us.indexOf(u) === k);
  const rows = t.joined.objects() as { session_id: string; media_user_ids: string[] }[];
  assert.equal(rows.length, 60);
  for (const r of rows) assert.deepEqual(r.media_user_ids, distinct(expected.get(r.session_id)!.media), r.session_id);
  const mismatches = [...expected].filter(([, e]) => distinct(e.media).some((u) => u !== e.user)).map(([sid, e]) => ({ session_id: sid, user_id: e.user, media_user_ids: distinct(e.media) }));
  assert.ok(mismatches.length > 5 && mismatches.length < 50);
  assert.deepEqual([...t.userMismatches].sort((a, b) => a.session_id.localeCompare(b.session_id)), mismatches.sort((a, b) => a.session_id.localeCompare(b.session_id)));
  assert.ok(rows.every((r) => Object.isFrozen(r.media_user_ids)));
});
