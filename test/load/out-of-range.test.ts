import { test } from "node:test";
import assert from "node:assert/strict";
import { loadMetrics, loadTables } from "../../src/index";
import { writeTemp, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13.482113";

test("values outside their field's range warn out_of_range with the field; the row is kept", async () => {
  const lines = [
    sessionLine({ sid: "a", ts: TS, scores: [-20, 250, 80] }),
    sessionLine({ sid: "b", ts: TS, filler: -0.5, avgLen: -3 }),
    sessionLine({ sid: "", ts: TS }).replace('"evaluation": {"session_id": ""', '"evaluation": {"session_id": "x"'),
    mediaLine({ sid: "c", mid: "m", ts: TS, type: "video", eye: 1.5 }).replace('"pause_ratio": 0.2', '"pause_ratio": -0.1'),
    sessionLine({ sid: "d", ts: TS }).replace('"total_words": 400', '"total_words": -1'),
    sessionLine({ sid: "e", ts: TS, scores: [0, 100, 0] }).replace('"filler_ratio": 0.01', '"filler_ratio": 1'), // bounds are inside
  ];
  const path = writeTemp("range.log", lines.join("\n") + "\n");
  const r = await loadMetrics(path);
  assert.equal(r.rows.length, 6);
  assert.deepEqual(r.issues.map((i) => [i.line, i.severity, i.code, i.path]), [
    [1, "warning", "out_of_range", "evaluation.overall_score"],
    [1, "warning", "out_of_range", "evaluation.score"],
    [1, "warning", "out_of_range", "evaluation.dimensions[0].score"],
    [1, "warning", "out_of_range", "evaluation.dimensions[1].score"],
    [2, "warning", "out_of_range", "diagnostics.avg_answer_len"],
    [2, "warning", "out_of_range", "diagnostics.filler_ratio"],
    [3, "warning", "out_of_range", "session_id"],
    [4, "warning", "out_of_range", "audio_features.pause_ratio"],
    [4, "warning", "out_of_range", "video_features.eye_contact_score"],
    [5, "warning", "out_of_range", "diagnostics.total_words"],
  ]);
  assert.equal(r.issues[2].message, "-20 is outside 0–100; row kept");
  assert.equal(r.issues[6].message, "the empty string is not an id; row kept");
  assert.equal(r.issues[4].message, "-3 is below 0; row kept");
  const t = await loadTables(path, { workers: 2, highWaterMark: 2048 });
  assert.deepEqual(t.issues, r.issues);
});
