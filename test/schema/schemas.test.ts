import { test } from "node:test";
import assert from "node:assert/strict";
import { expectTypeOf } from "expect-type";
import { SessionReport, MediaReport, MetricsRow, type Dimension, type AudioFeatures } from "../../src/index";
import { sessionLine, mediaLine } from "../helpers";

test("a backend session_report validates and keeps unknown keys", () => {
  const row = SessionReport.parse(JSON.parse(sessionLine({ sid: "s1", ts: "2025-11-03T12:24:13", extra: ', "feedback_len": 3' })));
  assert.equal(row.evaluation.dimensions?.length, 3);
  assert.equal((row.evaluation as Record<string, unknown>).feedback_len, 3);
});

test("null lists and null user are accepted", () => {
  const row = SessionReport.parse(JSON.parse(sessionLine({ sid: "s1", user: null, scores: null, ts: "2025-11-03T12:24:13" })));
  assert.equal(row.user_id, null);
  assert.equal(row.evaluation.dimensions, null);
});

test("media features may be null or absent", () => {
  const m = MediaReport.parse(JSON.parse(mediaLine({ sid: "s", mid: "m", ts: "2025-11-03T12:24:13", speech: "null" })));
  assert.equal(m.audio_features?.speech_rate, null);
  const bare = MediaReport.parse({ type: "media_report", user_id: null, session_id: "s", media_id: "m", media_type: "video", ts: "2025-11-03T12:24:13" });
  assert.equal(bare.video_features, undefined);
});

test("wrong types are rejected with a path", () => {
  const r = MetricsRow.safeParse({ ...JSON.parse(sessionLine({ sid: "s1", ts: "2025-11-03T12:24:13" })), session_id: 3 });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0].path, ["session_id"]);
  assert.equal(MediaReport.safeParse({ type: "media_report", user_id: null, session_id: "s", media_id: "m", media_type: "screen", ts: "2025-11-03T12:24:13" }).success, false);
  assert.equal(MediaReport.safeParse({ type: "media_report", user_id: null, session_id: "s", media_id: "m", media_type: "audio", ts: "noon" }).success, false);
});

test("types are inferred from the schemas", () => {
  expectTypeOf<Dimension["score"]>().toEqualTypeOf<number | null>();
  expectTypeOf<AudioFeatures["speech_rate"]>().toEqualTypeOf<number | null | undefined>();
  expectTypeOf<MetricsRow["type"]>().toEqualTypeOf<"session_report" | "media_report">();
  // @ts-expect-error user_id is string | null, never a number
  expectTypeOf<SessionReport["user_id"]>().toEqualTypeOf<number>();
});
