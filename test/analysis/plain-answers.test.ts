import { test } from "node:test";
import assert from "node:assert/strict";
import { generateLog, loadTables, analyze, plainAnswers, defaultRules, cutOffs, type Analysis } from "../../src/index";
import { writeTemp } from "../helpers";

let cached: Promise<Analysis> | undefined;
/** A small baseline log's analysis (40 students), analysed once. */
function baseline(): Promise<Analysis> {
  cached ??= (async () => {
    const gen = generateLog({ scenario: "baseline", students: 40, sessions: [3, 6], seed: 3 });
    return analyze(await loadTables(writeTemp("plain.log", [...gen.lines].join(""))), { links: { resamples: 0 } });
  })();
  return cached;
}

test("cutOffs: today's cut-offs and the ones in the step, in agreeing grammar", () => {
  assert.equal(cutOffs([0.3], []), "cut-off 0.3 sits outside that step");
  assert.equal(cutOffs([0.3], [0.3]), "cut-off 0.3 sits in that step");
  assert.equal(cutOffs([150, 220], []), "cut-offs 150 / 220 both sit outside that step");
  assert.equal(cutOffs([150, 220], [150, 220]), "cut-offs 150 / 220 both sit in that step");
  assert.equal(cutOffs([150, 220], [220]), "cut-offs 150 / 220 — 220 sits in that step");
});

test("plain answers: a step from the lowest bin reads as such; the length controls are not called what the rule is built from", async () => {
  const a = await baseline();
  const rules = defaultRules();
  const dims = Object.keys(a.quality.dimensions);
  const other = dims.find((d) => d !== rules.clarity.dimension)!;
  const bins = [{ lower: 0, upper: 0.01, mean: 50, n: 10 }, { lower: 0.01, upper: 0.0291, mean: 80, n: 10 }, { lower: 0.0291, upper: 0.05, mean: 81, n: 10 }];
  const base = a.links.find((l) => l.feature === "diagnostics.filler_ratio" && l.target === rules.clarity.dimension)!;
  const words = a.links.find((l) => l.feature === "diagnostics.total_words" && l.target === other)!;
  const links = [{ ...base, bins }, { ...words, significant: true, spearman: 0.61 }];
  const p = plainAnswers({ ...a, links }, rules);
  assert.match(p.features, /from the lowest diagnostics\.filler_ratio to ≤ 0\.0291; today's cut-offs 0\.02 \/ 0\.05 — 0\.02 sits in that step\./);
  assert.ok(!p.features.includes("≤ the lowest"), p.features);
  assert.ok(p.features.includes(`${other}: no independent feature matches it; with the amount said (the length control, not evidence): diagnostics.total_words ρ = 0.61.`), p.features);
  assert.ok(!p.features.includes("with what the rule is built from: diagnostics.total_words"), p.features);
});

test("plain answers: improvers on a dimension whose verdict is arbitrary come with a caveat", async () => {
  const a = await baseline();
  const [dim, other] = Object.keys(a.quality.dimensions);
  const change = (user_id: string, dimension: string) => ({ ...a.progress.changes[0], user_id, dimension, improved: true, rci: 2.5 });
  const progress = { ...a.progress, changes: [change("u_a", dim), change("u_b", other)] };
  const quality = { ...a.quality, dimensions: { ...a.quality.dimensions, [dim]: { ...a.quality.dimensions[dim], verdict: "arbitrary" as const }, [other]: { ...a.quality.dimensions[other], verdict: "ok" as const } } };
  const p = plainAnswers({ ...a, progress, quality }, defaultRules()).progress;
  assert.match(p, new RegExp(`${dim.replace(/[()（）]/g, ".")}: 1 improved beyond measurement error \\(RCI > 1\\.96\\) — u_a \\(but its verdict is arbitrary: changes of a score that does not measure the student, not progress\\)`));
  assert.ok(!new RegExp(`${other.replace(/[()（）]/g, ".")}: 1 improved[^.]*— u_b \\(but`).test(p), p);
});
