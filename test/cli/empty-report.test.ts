import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeScoringInput, defaultRules, scoreSessions, tagOutcome, packColumn, type ReportData } from "../../src/index";
import { tune } from "../../src/report/browser/tuner";
import { cli, tempDir, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13";
// Logs without a single dimension score: the report's tuner has no outcome to offer (its picker is empty).
const LOGS: Record<string, { text: string; sessions: number; users: number }> = {
  empty: { text: "", sessions: 0, users: 0 },
  "media-only": { text: [mediaLine({ sid: "a", mid: "m1", ts: TS }), mediaLine({ sid: "b", mid: "m2", ts: TS, user: "u2", type: "video" })].join("\n") + "\n", sessions: 0, users: 2 },
  "no dimensions": { text: [sessionLine({ sid: "a", ts: TS, scores: null }), mediaLine({ sid: "a", mid: "m1", ts: TS })].join("\n") + "\n", sessions: 1, users: 1 },
};

/** The JSON the report's page reads (the `metrics-kit-data` script element). */
function pageData(html: string): ReportData {
  const m = /<script type="application\/json" id="metrics-kit-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, "the page embeds its data");
  return JSON.parse(m[1]) as ReportData;
}

test("the report of an empty, a media-only and a dimension-less log is written, exit 0, and its tuner runs", () => {
  const dir = tempDir();
  for (const [name, log] of Object.entries(LOGS)) {
    const file = join(dir, `${name}.log`);
    writeFileSync(file, log.text);
    const out = join(dir, `${name}.html`);
    const r = cli(["report", file, "--out", out]);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`${log.sessions} sessions, ${log.users} users, 0 rejected lines`), name);
    const data = pageData(readFileSync(out, "utf8"));
    assert.equal(data.summary.sessions, log.sessions, name);
    assert.deepEqual(data.tuner.dimensions, [], name);
    assert.equal(data.tuner.session_id.length, log.sessions, name);
    assert.deepEqual(data.quality, [], name);
    // What the page does on load: score today's rules, then one tuner update with the (empty) outcome picker's value.
    const input = decodeScoringInput(data.tuner);
    const state = tune(input, scoreSessions(input, data.rules), data.rules, "");
    assert.equal(state.diff.sessions, log.sessions, name);
    assert.equal(state.diff.changed.any, 0, name);
    assert.equal(state.agreement.n, 0, name);
  }
});

test("tagOutcome: NaN for every session when there are no dimensions; an unknown tag still throws otherwise", () => {
  const rules = defaultRules();
  const p = (xs: (number | null)[]) => packColumn(xs.map((v) => v ?? NaN));
  const none = decodeScoringInput({ dimensions: [], session_id: ["a", "b"], scores: [], avg_answer_len: p([null, null]), filler_ratio: p([null, null]), media: {}, log: { overall: p([null, null]), strength: p([0, 0]), risk: p([0, 0]), tasks: p([null, null]) } });
  assert.deepEqual(Array.from(tagOutcome(none, "")), [NaN, NaN]);
  assert.deepEqual(Array.from(tagOutcome(none, "risk:表达清晰度", scoreSessions(none, rules))), [NaN, NaN]);
  const one = decodeScoringInput({ dimensions: ["表达清晰度"], session_id: ["a", "b"], scores: [p([50, 90])], avg_answer_len: p([100, 100]), filler_ratio: p([0.01, 0.01]), media: {}, log: { overall: p([50, 90]), strength: p([0, 1]), risk: p([1, 0]), tasks: p([null, null]) } });
  assert.deepEqual(Array.from(tagOutcome(one, "risk:表达清晰度")), [1, 0]);
  assert.throws(() => tagOutcome(one, ""), /unknown outcome ""/);
  assert.throws(() => tagOutcome(one, "risk:nope"), /unknown outcome "risk:nope"/);
});
