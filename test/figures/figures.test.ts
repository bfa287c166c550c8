import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  histogramBins, histogramFigure, thresholdLines, defaultRules, featureFigure, sweepFigure, sweep, scoringInput, loadTables,
  qualityFigure, dimensionQuality, cohortFigure, studentProgress, trajectoryFigure, mostActiveStudent, plotlyText, setThreshold,
  replay, replayFigure, rulesDiff, tagRatesFigure, scoreShiftFigure, scoreSessions, sampleLogPath, getThreshold,
  referenceLines, scoreThresholdLines, categoryAxis, nameRecord, shortLabel, plotlyLabel, fitWidth, wrapTitle, legendHeight, LEGEND_ROW,
} from "../../src/index";

test("histogramBins bins as numpy.histogram: equal widths, last bin closed, constant data widened by 0.5", () => {
  assert.deepEqual(histogramBins([1, 2, 2, 3], { bins: 2 }), { edges: [1, 2, 3], counts: [1, 3], n: 4, missing: 0 });
  assert.deepEqual(histogramBins([5, 5, null, NaN, Infinity], { bins: 2 }), { edges: [4.5, 5, 5.5], counts: [0, 2], n: 2, missing: 3 });
  // numpy.histogram([0, 0.1, 0.2, 0.3, 0.7, 1.0], bins=10) → [1, 1, 2, 0, 0, 0, 1, 0, 0, 1]: its edges are k · 0.1 in floating
  // point, and 0.3 < 0.30000000000000004, 0.7 < 0.7000000000000001 fall one bin lower
  assert.deepEqual(histogramBins([0, 0.1, 0.2, 0.3, 0.7, 1.0]).counts, [1, 1, 2, 0, 0, 0, 1, 0, 0, 1]);
  // numpy.histogram([0, 50, 100, 100], bins=4, range=(0, 100)) → [1, 0, 1, 2]; values outside the range are left out
  assert.deepEqual(histogramBins([0, 50, 100, 100, 120], { bins: 4, range: [0, 100] }).counts, [1, 0, 1, 2]);
  assert.throws(() => histogramBins([1], { bins: 0 }), /positive integer/);
});

test("histogramFigure draws the bins as bars with the counts in the title and the threshold lines", () => {
  const f = histogramFigure([0.01, 0.02, 0.04, 0.08, null], { title: "filler", x: "filler_ratio", lines: thresholdLines(defaultRules(), "filler_ratio") });
  const bar = f.data[0] as unknown as { x: number[]; y: number[]; width: number[] };
  assert.equal(bar.y.reduce((a, b) => a + b, 0), 4);
  assert.equal(bar.x.length, 10);
  assert.match(f.layout.title!.text, /n = 4, missing 1/);
  assert.deepEqual((f.layout.shapes as { x0: number }[]).map((s) => s.x0), [0.02, 0.05, 0.03]);
  // A title cut to fit keeps the whole name in each bar's hover, made safe for plotly.
  const named = histogramFigure([1, 2], { bins: 2, title: "a very lo…", name: "a very long <name>" });
  assert.deepEqual((named.data[0] as unknown as { hovertext: string[] }).hovertext, ["a very long &lt;name&gt;<br>[1, 1.5): 1", "a very long &lt;name&gt;<br>[1.5, 2]: 1"]);
});

test("thresholdLines follow the rules: clarity deductions, the filler comment, media bands", () => {
  const rules = setThreshold(defaultRules(), "media.audio.pause_ratio.max", 0.3);
  assert.deepEqual(thresholdLines(rules, "avg_answer_len").map((l) => l.value), [150, 220]);
  assert.deepEqual(thresholdLines(rules, "audio.pause_ratio"), [{ value: 0.3, label: "max" }]);
  assert.deepEqual(thresholdLines(rules, "audio.speech_rate"), []);
});

test("plotlyText keeps log text from reading as plotly's HTML-like markup", () => {
  assert.equal(plotlyText(`<b onmouseover="x">&`), `&lt;b onmouseover="x"&gt;&amp;`);
  const t = aq.table({ user_id: ["<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"], session_id: ["a", "b"], ts: [new Date(1), new Date(2)], "score:d": [1, 2] });
  const f = trajectoryFigure(t, ["d"], "<img src=x onerror=alert(1)>");
  assert.ok(!JSON.stringify(f).includes("<img"));
});

test("trajectoryFigure keeps every session's text whole (a label cut mapped over a list must not take the index as its length)", () => {
  const t = aq.table({ user_id: ["u", "u", "u"], session_id: ["session-one", "session-two", "session-three"], ts: [new Date(1), new Date(2), new Date(3)], "score:d": [1, 2, 3] });
  assert.deepEqual((trajectoryFigure(t, ["d"], "u").data[0] as unknown as { hovertext: string[] }).hovertext, ["d<br>session-one", "d<br>session-two", "d<br>session-three"]);
});

test("figures over the sample: quality, features, cohort, trajectory, replay, diff, sweep with a slider", async () => {
  const t = await loadTables(sampleLogPath());
  const rules = defaultRules();
  const q = dimensionQuality(t.sessions, t.dimensions);
  assert.equal(qualityFigure(q).data.length, 5);
  assert.equal((qualityFigure(q).data[0] as unknown as { y: number[] }).y.length, t.dimensions.length);
  const ff = featureFigure(t.joined, "filler_ratio", "表达清晰度", { sample: 50 });
  assert.equal((ff.data[0] as unknown as { x: number[] }).x.length, 50);
  assert.match(String(ff.data[0].name), /50 of \d+/);
  assert.deepEqual(featureFigure(t.joined, "filler_ratio", "表达清晰度", { sample: 50 }), ff, "the sample is seeded");
  const p = studentProgress(t.sessions, t.dimensions, q);
  assert.equal(cohortFigure(p).data.length, 2 * t.dimensions.length);
  const student = mostActiveStudent(t.sessions)!;
  const tf = trajectoryFigure(t.sessions, t.dimensions, student);
  const n = t.sessions.filter(aq.escape((d: { user_id: string }) => d.user_id === student)).numRows();
  assert.equal((tf.data[0] as unknown as { x: number[] }).x.length, n);
  assert.throws(() => trajectoryFigure(t.sessions, t.dimensions, "nobody"), /no session for user_id "nobody"/);
  const input = scoringInput(t.joined, t.dimensions, rules);
  const rf = replayFigure(replay(input, rules));
  assert.deepEqual((rf.data[0] as unknown as { x: number[] }).x, [1, 1, 1, 1, 1]);
  const tuned = setThreshold(rules, "tags.strengthAtLeast", 80);
  const diff = rulesDiff(input, rules, tuned);
  assert.match(tagRatesFigure(diff).layout.title!.text, new RegExp(`${diff.changed.any} of ${diff.sessions}`));
  const shift = scoreShiftFigure(scoreSessions(input, rules), scoreSessions(input, tuned));
  assert.equal(shift.data.length, 2);
  const points = sweep(input, rules, "clarity.filler.mid");
  const sf = sweepFigure(points, "clarity.filler.mid", getThreshold(rules, "clarity.filler.mid"));
  const slider = (sf.layout.sliders as { active: number; steps: { args: [Record<string, unknown>] }[] }[])[0];
  assert.equal(slider.steps.length, points.length);
  // the grid stops below clarity.filler.high (0.05): the slider starts at its point nearest today's 0.02
  const nearest = Math.min(...points.map((p) => Math.abs(p.value - 0.02)));
  assert.equal(Math.abs(points[slider.active].value - 0.02), nearest);
  assert.ok(nearest <= (points[1].value - points[0].value) / 2);
  assert.match(String(slider.steps[10].args[0]["annotations[0].text"]), new RegExp(`flags ${(100 * points[10].flagged_share).toFixed(1)}%`));
  // The readout sits inside the plot (paper y 1), not below the axis where the slider's ticks are.
  const readout = (sf.layout.annotations as { y: number; yanchor: string }[])[0];
  assert.deepEqual([readout.y, readout.yanchor], [1, "top"]);
  assert.match(sf.layout.title!.text, /\(today 0\.02, dashed\)/);
  assert.match(sweepFigure(points, "clarity.filler.mid", 0.3, "planted").layout.title!.text, /\(planted 0\.3, dashed\)$/);
});

test("threshold labels alternate between two rows in order of value, so neighbours (70 and 75) do not overlap", () => {
  const { annotations } = referenceLines(scoreThresholdLines(defaultRules()));
  const labels = (annotations as { x: number; yshift: number; xanchor: string; text: string }[]).map((a) => [a.x, a.yshift, a.xanchor]);
  assert.deepEqual(labels, [[50, 0, "left"], [70, 13, "left"], [75, 0, "left"]]);
  const filler = (referenceLines(thresholdLines(defaultRules(), "filler_ratio")).annotations as { x: number; yshift: number }[]).map((a) => [a.x, a.yshift]);
  assert.deepEqual(filler, [[0.02, 0], [0.03, 13], [0.05, 0]]);
});

test("featureFigure and trajectoryFigure name a missing column and the nearest one", async () => {
  const t = await loadTables(sampleLogPath());
  assert.throws(() => featureFigure(t.joined, "filler_rato", "表达清晰度"), { name: "NoColumnError", message: /^no column 'filler_rato' in the table; did you mean 'filler_ratio'\? \(columns: session_id, / });
  assert.throws(() => trajectoryFigure(t.sessions, ["STAR"], t.sessions.array("user_id")[0] as string), /^NoColumnError: no dimension 'STAR' in sessions; did you mean '结构化表达（STAR）'\?/);
});

test("tagRatesFigure places dimensions by position on the y axis, labelled by tick text: a name plotly would look up in a plain object stays a label", () => {
  const names = ["__proto__", "constructor", "a<b", "x".repeat(30)];
  const tag_rates = nameRecord<{ strength: [number, number]; risk: [number, number] }>();
  names.forEach((d, k) => (tag_rates[d] = { strength: [0.1 * k, 0.2], risk: [0.3, 0.4] }));
  const f = tagRatesFigure({ sessions: 10, changed: { scores: 0, strength_tags: 0, risk_tags: 0, tasks: 0, any: 0 }, tag_rates, changed_sessions: [] });
  const bars = f.data as unknown as { orientation: string; x: number[]; y: number[]; hovertext: string[] }[];
  for (const b of bars) assert.deepEqual([b.orientation, b.y], ["h", [0, 1, 2, 3]]);
  assert.deepEqual(bars[0].x, [0, 0.1, 0.2, 0.30000000000000004]);
  assert.deepEqual(bars[0].hovertext, ["__proto__", "constructor", "a&lt;b", "x".repeat(30)], "the hover has the whole name");
  const axis = f.layout.yaxis as { tickvals: number[]; ticktext: string[]; range: number[]; automargin: boolean };
  assert.deepEqual([axis.tickvals, axis.ticktext, axis.range, axis.automargin], [[0, 1, 2, 3], ["__proto__", "constructor", "a&lt;b", `${"x".repeat(19)}…`], [3.5, -0.5], true]);
  assert.equal(f.layout.height, 300, "at least 300 px");
  assert.equal(categoryAxis(Array.from({ length: 14 }, (_, k) => `d${k}`)).height, 140 + 14 * 34, "a row per dimension");
  assert.deepEqual(categoryAxis([]).axis.ticktext, [], "no dimension: no ticks, plotly's own range");
});

test("shortLabel cuts at a character count with an ellipsis, never inside a surrogate pair; plotlyLabel escapes bidi controls before cutting", () => {
  assert.equal(shortLabel("short", 10), "short");
  assert.equal(shortLabel("a very long dimension name", 10), "a very lo…");
  assert.equal(shortLabel("😀😀😀😀", 3), "😀😀…");
  assert.equal(plotlyLabel("<b>" + "x".repeat(40), 10), "&lt;b&gt;xxxxxx…");
  assert.equal(plotlyLabel("a\u202eb", 4), "a\\u…", "the label shows what the escape takes, never a raw control");
});

test("fitWidth: a narrow box gets the legend below the plot, one entry a row, and the height for it; a wide box the figure as built", () => {
  const fig = { data: [{ type: "scatter", name: "a" }, { type: "scatter", name: "b", showlegend: false }, { type: "scatter", name: "c" }], layout: { title: { text: "t" }, height: 400 } };
  assert.equal(fitWidth(fig, 1200), fig);
  assert.equal(fitWidth(fig, 0), fig, "a box not laid out yet");
  const narrow = fitWidth(fig, 342);
  assert.deepEqual(narrow.layout.legend, { orientation: "h", entrywidth: 1, entrywidthmode: "fraction", tracegroupgap: 0, maxheight: 2 * LEGEND_ROW + 10, xref: "container", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" });
  assert.equal(narrow.layout.height, 400 + 2 * LEGEND_ROW + 10);
  assert.equal((narrow.layout.margin as { b: number }).b, 50 + 2 * LEGEND_ROW + 10);
  assert.deepEqual(fig.layout, { title: { text: "t" }, height: 400 }, "the figure given is not changed");
  const single = fitWidth({ data: [{ type: "bar", name: "count" }], layout: {} }, 342);
  assert.equal(single.layout.legend, undefined, "one trace: no legend to move");
  assert.equal(legendHeight(3), 380);
  assert.equal(legendHeight(20), 130 + 20 * LEGEND_ROW, "every entry of a long legend shows");
  // A title longer than a phone's box is broken at spaces into lines that fit, and the figure grows by them.
  const long = "Replay of the rules: agreement with the log (373 sessions, every score and tag)";
  const wrapped = fitWidth({ data: [], layout: { title: { text: long }, height: 380 } }, 342);
  const lines = wrapped.layout.title!.text.split("<br>");
  assert.equal(lines.join(" "), long);
  assert.ok(lines.length === 2 && lines.every((l) => l.length * 7 <= 342 - 16), lines.join(" | "));
  assert.equal(wrapped.layout.height, 380 + 17);
  assert.equal((wrapped.layout.margin as { t: number }).t, 60 + 17);
  // 200 px is 28 columns: CJK takes two a character, an escaped &lt; one; a word is never split.
  assert.equal(wrapTitle("表达清晰度 against diagnostics.filler_ratio (n = 365, missing 8)", 200), "表达清晰度 against<br>diagnostics.filler_ratio (n<br>= 365, missing 8)");
  assert.equal(wrapTitle("a &lt;b&gt; c", 100), "a &lt;b&gt; c");
  assert.equal(narrow.layout.title!.text, "t");
});

test("qualityFigure's value axis reaches below −0.2 when a correlation does (no bar cut at the axis); the cohort's session index steps by whole sessions", async () => {
  const t = await loadTables(sampleLogPath());
  const q = dimensionQuality(t.sessions, t.dimensions);
  const range = (r: typeof q) => (qualityFigure(r).layout.xaxis as { range: [number, number] }).range;
  assert.deepEqual(range(q), [-0.2, 1], "the sample's correlations are all above −0.2");
  const [first] = t.dimensions;
  const low = { ...q, dimensions: { ...q.dimensions, [first]: { ...q.dimensions[first], item_rest_r: -0.53, retest_r: -0.31 } } };
  const [from, to] = range(low);
  assert.ok(from <= -0.53 - 0.05 && from > -0.8 && to === 1, `${from}`);
  assert.equal((cohortFigure(studentProgress(t.sessions, t.dimensions, q)).layout.xaxis as { dtick: number }).dtick, 1);
});
