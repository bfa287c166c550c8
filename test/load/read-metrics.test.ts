import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { loadMetrics, MetricsLoadError, MetricsSourceError } from "../../src/index";
import { writeTemp, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13.482113";

test("BOM, CRLF and blank lines are tolerated; line numbers count blank lines", async () => {
  const text = "\uFEFF" + sessionLine({ sid: "a", ts: TS }) + "\r\n\r\n" + "\n" + mediaLine({ sid: "a", mid: "m", ts: TS }) + "\r\n";
  const r = await loadMetrics(writeTemp("crlf.log", text));
  assert.deepEqual(r.rows.map((x) => x.line), [1, 4]);
  assert.deepEqual(r.issues, []);
});

test("NaN and Infinity keep the row, become null and warn with the field", async () => {
  const path = writeTemp("nan.log", mediaLine({ sid: "a", mid: "m", ts: TS, speech: "Infinity" }) + "\n");
  const r = await loadMetrics(path);
  assert.equal(r.rows.length, 1);
  const row = r.rows[0].row;
  assert.equal(row.type === "media_report" && row.audio_features?.speech_rate, null);
  assert.deepEqual(r.issues, [{ file: path, line: 1, severity: "warning", code: "non_finite", path: "audio_features.speech_rate", message: "Infinity is not a number JSON can hold; read as null" }]);
});

test("every bad line is an issue with its code, line and field; good lines all load", async () => {
  const lines = [
    sessionLine({ sid: "a", ts: TS }),
    "{not json",
    "[1, 2]",
    '{"session_id": "x"}',
    '{"type": "heartbeat", "ts": "2025-11-03T12:24:13"}',
    sessionLine({ sid: "b", ts: TS }).replace('"overall_score": 77.3', '"overall_score": "77.3"'),
    mediaLine({ sid: "a", mid: "m", ts: TS }),
    '{"type": "media_report", "session_id"',
  ];
  const path = writeTemp("bad.log", lines.join("\n"));
  const r = await loadMetrics(path);
  assert.deepEqual(r.rows.map((x) => x.line), [1, 7]);
  assert.deepEqual(r.issues.map((i) => [i.line, i.severity, i.code, i.path]), [
    [2, "error", "invalid_json", ""],
    [3, "error", "not_object", ""],
    [4, "error", "missing_type", "type"],
    [5, "warning", "unknown_type", "type"],
    [6, "error", "schema", "evaluation.overall_score"],
    [8, "error", "torn_line", ""],
  ]);
  assert.ok(r.issues.every((i) => i.file === path));
});

test("schema drift counts unknown keys per path without rejecting them", async () => {
  const extra = sessionLine({ sid: "a", ts: TS, extra: ', "feedback_version": 2' }).replace('"comment": "ok"', '"comment": "ok", "weight": 1');
  const r = await loadMetrics(writeTemp("drift.log", `${extra}\n${extra}\n`));
  assert.equal(r.rows.length, 2);
  assert.deepEqual(Object.fromEntries(r.drift), { "evaluation.feedback_version": 2, "evaluation.dimensions[].weight": 2 });
});

test("gzip files are read by their magic bytes, several files in order", async () => {
  const gz = writeTemp("metrics.log.2.gz", gzipSync(sessionLine({ sid: "a", ts: TS }) + "\n"));
  const plain = writeTemp("metrics.log", sessionLine({ sid: "b", ts: TS }) + "\n");
  const r = await loadMetrics([gz, plain]);
  assert.deepEqual(r.rows.map((x) => [x.file, x.line]), [[gz, 1], [plain, 1]]);
});

test("strict mode stops at the first bad line naming file, line and field", async () => {
  const path = writeTemp("strict.log", [sessionLine({ sid: "a", ts: TS }), mediaLine({ sid: "a", mid: "m", ts: TS }).replace('"media_type": "audio"', '"media_type": 3')].join("\n"));
  await assert.rejects(loadMetrics(path, { strict: true }), (e: unknown) => {
    assert.ok(e instanceof MetricsLoadError);
    assert.equal(e.issue.line, 2);
    assert.equal(e.issue.path, "media_type");
    assert.match(e.message, new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: error schema at media_type: `));
    return true;
  });
});

test("a missing file is a MetricsSourceError naming it", async () => {
  await assert.rejects(loadMetrics("/nonexistent/metrics.log"), (e: unknown) => e instanceof MetricsSourceError && /\/nonexistent\/metrics.log/.test(e.message));
});

test("the default path comes from INTERVIEW_METRICS_LOG_PATH", async () => {
  const path = writeTemp("env.log", sessionLine({ sid: "a", ts: TS }) + "\n");
  const before = process.env.INTERVIEW_METRICS_LOG_PATH;
  process.env.INTERVIEW_METRICS_LOG_PATH = path;
  try {
    const r = await loadMetrics();
    assert.deepEqual(r.files, [path]);
    assert.equal(r.rows.length, 1);
  } finally {
    if (before === undefined) delete process.env.INTERVIEW_METRICS_LOG_PATH;
    else process.env.INTERVIEW_METRICS_LOG_PATH = before;
  }
});

test("a ts of year 0000 or with an offset like +99:99 is a schema error at ts", async () => {
  const lines = [sessionLine({ sid: "a", ts: "0000-01-01T00:00:00" }), mediaLine({ sid: "a", mid: "m", ts: "2025-11-03T12:24:13+99:99" }), sessionLine({ sid: "b", ts: "0001-01-01T00:00:00" })];
  const r = await loadMetrics(writeTemp("ts.log", lines.join("\n") + "\n"));
  assert.deepEqual(r.issues.map((i) => [i.line, i.code, i.path]), [[1, "schema", "ts"], [2, "schema", "ts"]]);
  assert.deepEqual(r.rows.map((x) => x.line), [3]);
});
