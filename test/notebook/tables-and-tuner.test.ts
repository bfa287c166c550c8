import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  tableBundle, cellText, columnValues, dimensionValues, dimensionColumn, requireColumns, NoColumnError, tunerBundle, scoringInput, loadTables, sampleLogPath,
  defaultRules, withThresholds, suggestionRows, suggestThreshold, tagOutcome, COLUMN_NOTES, columnLegend, TRUTH_COUNT_NOTES, generateLog,
} from "../../src/index";

const EVIL = `</script><script>alert(1)</script>`;

test("tables explain the columns the kit knows (tooltip and legend), headers do not wrap, nested values read as text", () => {
  const b = tableBundle([{ dimension: "结构化表达（STAR）", item_rest_r: 0.41, retest_pairs: 120, youden: { j: 0.25, sensitivity: 0.5 } }]);
  const html = String(b["text/html"]);
  assert.match(html, /<th style="white-space:nowrap" title="corrected item–rest correlation: with the mean of the other dimensions \(higher is better; \|r\| &lt; 0\.2 is poor\)">item_rest_r<\/th>/);
  assert.match(html, /<th style="white-space:nowrap">dimension<\/th>/);
  assert.match(html, /retest_pairs: pairs of consecutive sessions behind retest_r \(more is surer\)/);
  assert.match(String(b["text/plain"]), /\nitem_rest_r: corrected item–rest correlation/);
  assert.match(html, /<td>j 0\.25, sensitivity 0\.5<\/td>/, "an object cell is not raw JSON");
  assert.equal(cellText({ a: 1.23456, b: [1, 2] }), "a 1.235, b 1, 2");
  assert.deepEqual(columnLegend(["n", "dimension", "q"]), [`n: ${COLUMN_NOTES.n}`, `q: ${COLUMN_NOTES.q}`]);
  assert.match(html, /<p class="metrics-kit-legend"><small>item_rest_r: /);
  assert.ok(!String(tableBundle([{ dimension: "x" }])["text/html"]).includes("metrics-kit-legend"), "no legend without known columns");
});

test("a table's own notes replace the kit's for its columns: the truth counts' sessions are the log's, not a student's", () => {
  const gen = generateLog({ scenario: "baseline", students: 5, seed: 1, trackTruth: true });
  for (const _ of gen.lines); // the truth is complete once every line is read
  const counts = gen.truth().counts;
  const b = tableBundle([counts], { notes: TRUTH_COUNT_NOTES });
  const html = String(b["text/html"]);
  assert.ok(!html.includes(COLUMN_NOTES.sessions), "the per-student note of sessions");
  assert.match(html, /title="distinct sessions with a session report in the whole log[^"]*">sessions<\/th>/);
  assert.match(String(b["text/plain"]), /\nsessions: distinct sessions with a session report in the whole log/);
  assert.deepEqual(Object.keys(TRUTH_COUNT_NOTES).sort(), Object.keys(counts).sort(), "every count has its note");
  const rows = Array.from({ length: 25 }, (_, k) => ({ check: `c${k}` }));
  assert.match(String(tableBundle(rows)["text/plain"]), /… 5 more rows \(25 in all\)/);
  assert.match(String(tableBundle(rows, { limit: Infinity })["text/plain"]), /\nc24 *\n25 rows$/, "limit Infinity shows every row");
  // columns the table's notes do not name keep the kit's
  assert.match(String(tableBundle([{ sessions: 3, n: 2 }], { notes: { sessions: "x" } })["text/plain"]), /sessions: x\nn: sessions with a value$/);
});

test("a column that does not exist is a clear error with the nearest name and the list", async () => {
  const t = await loadTables(sampleLogPath());
  assert.throws(() => dimensionValues(t.sessions, "STAR", "sessions"), (e: unknown) => {
    assert.ok(e instanceof NoColumnError);
    assert.match(e.message, /^no dimension 'STAR' in sessions; did you mean '结构化表达（STAR）'\? \(dimensions: 结构化表达（STAR）, 表达清晰度, 反思与成长意识\)$/);
    assert.ok(e.columns.includes("表达清晰度"));
    return true;
  });
  assert.throws(() => columnValues(t.sessions, "filler", "sessions"), /did you mean 'filler_ratio'\?/);
  assert.throws(() => tableBundle(t.sessions, { columns: ["session_id", "user"], name: "sessions" }), /^NoColumnError: no column 'user' in sessions; did you mean 'user_id'\?/);
  assert.throws(() => requireColumns(aq.table({ a: [1] }), ["zzzzzz"]), { message: "no column 'zzzzzz' in the table (columns: a)" });
  assert.deepEqual(dimensionValues(t.sessions, "表达清晰度"), t.sessions.array(dimensionColumn("表达清晰度")));
  // a dimension is read from its namespace only, never from a built-in column of the same name
  assert.deepEqual(dimensionValues(aq.table({ "score:表达清晰度": [80], 表达清晰度: [1] }), "表达清晰度"), [80]);
  assert.throws(() => dimensionValues(aq.table({ user_id: ["u1"] }), "user_id"), /^NoColumnError: no dimension 'user_id' in the table \(dimensions: \)$/);
});

test("suggestionRows: Youden's J, sensitivity and specificity as columns of their own", async () => {
  const t = await loadTables(sampleLogPath());
  const rules = defaultRules();
  const input = scoringInput(t.joined, t.dimensions, rules);
  const q = suggestThreshold(input, rules, "clarity.filler.mid", { method: "quantile", share: 0.2 });
  const y = suggestThreshold(input, rules, "media.audio.pause_ratio.max", { method: "youden", outcome: tagOutcome(input, `risk:${rules.star.dimension}`) });
  const rows = suggestionRows([q, y]);
  assert.deepEqual(Object.keys(rows[0]), ["path", "method", "value", "flagged_share", "youden_j", "sensitivity", "specificity", "n", "conflict"]);
  assert.equal(rows[0].youden_j, null);
  assert.equal(rows[1].youden_j, Number(y.youden!.j.toFixed(3)));
  assert.equal(rows[1].sensitivity, Number(y.youden!.sensitivity.toFixed(3)));
});

test("tunerBundle: the report's tuner script and the data inlined and escaped; a line for viewers without scripts", async () => {
  const t = await loadTables(sampleLogPath());
  const today = defaultRules();
  const input = scoringInput(t.joined, t.dimensions, today);
  input.session_id[0] = EVIL;
  const start = withThresholds(today, { "tags.riskAtMost": 55 });
  const b = tunerBundle(input, { today, start });
  const html = String(b["text/html"]);
  assert.equal(b["text/plain"], `<metrics-kit tuner: ${input.session_id.length} sessions>`);
  assert.equal(html.match(/<\/script>/g)!.length, 2, "the JSON and the script, nothing from the log ends a script");
  assert.ok(!html.includes("<script>alert"));
  const json = JSON.parse(/<script type="application\/json">(.*?)<\/script>/s.exec(html)![1]);
  assert.equal(json.input.session_id[0], EVIL);
  assert.equal(json.start.tags.riskAtMost, 55);
  assert.deepEqual(json.today, today);
  assert.match(html, /trust the notebook \(File → Trust Notebook\)/);
  assert.match(html, /metrics-kit-tuner:not\(\[data-mounted\]\)/, "the bundled tuner script (dist/notebook/tuner-output.js)");
});
