import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadTables, reportData, defaultRules, setThreshold, decodeScoringInput } from "../../src/index";

const SAMPLE = join(__dirname, "..", "..", "data", "sample", "metrics.log");

test("reportData over a sample: exact figures from every session, the tuner's columns at the sample's rows", async () => {
  const t = await loadTables(SAMPLE);
  const rules = setThreshold(defaultRules(), "media.audio.pause_ratio.max", 0.25);
  const data = reportData(t, rules, { tuner: { maxSessions: 120, seed: 3 } });
  const n = t.joined.numRows();
  assert.ok(data.sample.probability < 1 && data.sample.sessions < n, `${data.sample.sessions} of ${n}`);
  assert.equal(data.exact.sessions, n);
  // Today's rules reproduce the log (replay agreement 1), so today's tag rates are the logged tags' shares.
  const strength = t.joined.array("strength_tags") as (string[] | null)[];
  const risk = t.joined.array("risk_tags") as (string[] | null)[];
  for (const d of t.dimensions) {
    assert.equal(data.exact.tag_rates[d].strength, strength.filter((tags) => tags?.includes(d)).length / n, d);
    assert.equal(data.exact.tag_rates[d].risk, risk.filter((tags) => tags?.includes(d)).length / n, d);
  }
  // The rules given are where the tuner starts, not what the log was scored with: the exact figures are today's
  // (no media bound today: nothing flagged), and the page carries both.
  assert.equal(data.exact.media_flagged, 0);
  assert.deepEqual(data.today, defaultRules());
  assert.equal(data.rules.media["audio.pause_ratio"].max, 0.25);
  const pause = t.joined.array("audio.pause_ratio") as (number | null)[];
  assert.ok(pause.filter((v) => typeof v === "number" && v > 0.25).length > 0, "the given bound would flag sessions");
  // The tuner's columns: the sampled sessions, every media feature, values as in the table (media to 6 decimals).
  const input = decodeScoringInput(data.tuner);
  const ids = t.joined.array("session_id") as string[];
  const row = new Map(ids.map((id, i) => [id, i]));
  assert.equal(input.session_id.length, data.sample.sessions);
  const speech = t.joined.array("audio.speech_rate") as (number | null)[];
  assert.ok(Object.keys(input.media).length > 10, "every media feature");
  input.session_id.forEach((id, j) => {
    const r = row.get(id)!;
    const v = speech[r];
    assert.ok(typeof v === "number" && Number.isFinite(v) ? Math.abs(input.media["audio.speech_rate"][j] - v) <= 5e-7 : Number.isNaN(input.media["audio.speech_rate"][j]), id);
  });
  assert.equal(data.students.counts.reduce((a, b) => a + b, 0) <= data.sample.sessions, true);
});
