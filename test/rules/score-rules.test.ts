import { test } from "node:test";
import assert from "node:assert/strict";
import { clarityScore, defaultRules, overallScore, pyRound, tagMasks, taskDimensions, maskNames, RulesConfig } from "../../src/index";

const rules = defaultRules();

test("today's defaults are the backend's thresholds", () => {
  assert.deepEqual(rules.clarity.length, { high: 220, highPenalty: 15, mid: 150, midPenalty: 8 });
  assert.deepEqual(rules.clarity.filler, { high: 0.05, highPenalty: 15, mid: 0.02, midPenalty: 8 });
  assert.equal(rules.clarity.fillerComment, 0.03);
  assert.equal(rules.reflection.commentThreshold, 60);
  assert.deepEqual(rules.tags, { strengthAtLeast: 75, riskAtMost: 50 });
  assert.equal(rules.tasks.below, 70);
  assert.deepEqual(rules.media, {});
  assert.deepEqual(RulesConfig.parse(JSON.parse(JSON.stringify(rules))), rules);
});

test("clarity takes only the values 100, 92, 85, 84, 77, 70; thresholds are strict", () => {
  const seen = new Set<number>();
  for (const len of [100, 150, 151, 220, 221]) for (const f of [0.01, 0.02, 0.021, 0.05, 0.051]) seen.add(clarityScore(len, f, rules));
  assert.deepEqual([...seen].sort((a, b) => a - b), [70, 77, 84, 85, 92, 100]);
  assert.equal(clarityScore(150, 0.02, rules), 100);
  assert.equal(clarityScore(221, 0.051, rules), 70);
});

test("Python rounding: ties to even on the exact binary value", () => {
  // expected values from CPython 3.11 round(x, 1)
  assert.equal(pyRound(72.25, 1), 72.2);
  assert.equal(pyRound(72.35, 1), 72.3); // 72.35 is stored just below .35
  assert.equal(pyRound(0.15, 1), 0.1);
  assert.equal(pyRound(0.25, 1), 0.2);
  assert.equal(pyRound(81.66666666666667, 1), 81.7);
  assert.equal(pyRound(-2.5, 0), -2);
});

test("overall, tags and tasks", () => {
  assert.equal(overallScore([72.5, 92, 80]), 81.5);
  assert.ok(Number.isNaN(overallScore([])));
  const m = tagMasks([40, 92, 75], rules);
  assert.deepEqual(maskNames(m.strength, ["a", "b", "c"]), ["b", "c"]);
  assert.deepEqual(maskNames(m.risk, ["a", "b", "c"]), ["a"]);
  assert.equal(maskNames(0, ["a"]), null);
  assert.deepEqual(taskDimensions([65, 92, 50], rules), [2, 0]);
  assert.deepEqual(taskDimensions([65, 60, 50], rules), [2, 1]);
  assert.deepEqual(taskDimensions([85, 92, 69.9], rules), [2]);
});
