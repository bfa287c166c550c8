import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { readRules, writeRules, defaultRules, setThreshold, parseRules, RulesError, withThresholds, clampThreshold, findThreshold, nearestName, editDistance } from "../../src/index";
import { tempDir } from "../helpers";

/** The message `parseRules` throws for `json` (fails the test when it parses). */
function rulesError(json: unknown): string {
  try {
    parseRules(json);
  } catch (error) {
    assert.ok(error instanceof RulesError);
    return error.message;
  }
  assert.fail(`parsed: ${JSON.stringify(json)}`);
}

test("writeRules writes what readRules reads, makes folders, and refuses to overwrite without force", () => {
  const path = join(tempDir(), "nested", "rules.json");
  const tuned = setThreshold(defaultRules(), "clarity.filler.mid", 0.03);
  assert.equal(writeRules(path, tuned), path);
  assert.deepEqual(readRules(path), tuned);
  assert.throws(() => writeRules(path, defaultRules()), /exists; pass --force to overwrite it/);
  assert.deepEqual(readRules(path), tuned, "the refused write changed nothing");
  writeRules(path, defaultRules(), { force: true });
  assert.deepEqual(readRules(path), defaultRules());
  writeFileSync(path, `{"tags": {"riskAtMost": "low"}}`);
  assert.throws(() => readRules(path), /^RulesError: invalid rules .*rules\.json: tags\.riskAtMost: Invalid input: expected number, received string \(got "low"\)$/);
  writeFileSync(path, `{"tags": {"riskAtmost": 40}}`);
  assert.throws(() => readRules(path), { message: `invalid rules ${path}: tags.riskAtmost: unknown key; did you mean tags.riskAtMost?` });
});

test("unknown keys at any depth are errors naming the path and the nearest known key", () => {
  assert.equal(rulesError({ tags: { riskAtmost: 40 } }), "tags.riskAtmost: unknown key; did you mean tags.riskAtMost?");
  assert.equal(rulesError({ tagz: {} }), "tagz: unknown key; did you mean tags?");
  assert.equal(rulesError({ clarity: { length: { hihg: 300 } } }), "clarity.length.hihg: unknown key; did you mean clarity.length.high?");
  assert.equal(rulesError({ media: { "audio.pause_rate": { max: 0.3 } } }), "media.audio.pause_rate: unknown media feature; did you mean media.audio.pause_ratio?");
  assert.equal(rulesError({ media: { "audio.pause_ratio": { mx: 0.3 } } }), "media.audio.pause_ratio.mx: unknown key; did you mean media.audio.pause_ratio.max?");
  assert.equal(rulesError({ zzzzzzzz: 1 }), "zzzzzzzz: unknown key; known keys here: clarity, star, reflection, tags, tasks, media");
  // every problem is listed, not only the first
  assert.equal(rulesError({ tags: { riskAtmost: 1 }, tasks: { cuont: 1 } }), "tags.riskAtmost: unknown key; did you mean tags.riskAtMost?; tasks.cuont: unknown key; did you mean tasks.count?");
});

test("values are checked: non-negative thresholds and penalties, min ≤ max, strength above risk, whole counts, positive durations", () => {
  assert.equal(rulesError({ clarity: { length: { highPenalty: -5 } } }), "clarity.length.highPenalty: must be ≥ 0 (got -5)");
  assert.equal(rulesError({ tags: { riskAtMost: -1 } }), "tags.riskAtMost: must be ≥ 0 (got -1)");
  assert.equal(rulesError({ tags: { strengthAtLeast: 50 } }), "tags.strengthAtLeast: must be above tags.riskAtMost (a score cannot be both a strength and a risk) (got 50)");
  assert.equal(rulesError({ tasks: { count: 1.5 } }), "tasks.count: must be a whole number (got 1.5)");
  assert.equal(rulesError({ tasks: { count: -1 } }), "tasks.count: must be ≥ 0 (got -1)");
  assert.equal(rulesError({ tasks: { durationMin: 0 } }), "tasks.durationMin: must be > 0 (got 0)");
  assert.equal(rulesError({ clarity: { min: 90, max: 10 } }), "clarity.min: min must be ≤ max (got 90)");
  assert.equal(rulesError({ media: { "audio.pause_ratio": { min: 0.5, max: 0.3 } } }), "media.audio.pause_ratio.min: min must be ≤ max (got 0.5)");
  assert.equal(rulesError({ star: { commentCoverage: 1.5 } }), "star.commentCoverage: must be ≤ 1 (a share) (got 1.5)");
  assert.equal(parseRules({ tags: { strengthAtLeast: 51 } }).tags.strengthAtLeast, 51);
});

test("a partial nested object takes today's values for its missing keys", () => {
  const r = parseRules({ clarity: { length: { mid: 160 } }, media: { "audio.pause_ratio": { max: 0.3 } } });
  assert.deepEqual(r.clarity.length, { high: 220, highPenalty: 15, mid: 160, midPenalty: 8 });
  assert.deepEqual(r.clarity.filler, defaultRules().clarity.filler);
  assert.deepEqual(r.media, { "audio.pause_ratio": { min: null, max: 0.3 } });
  assert.deepEqual({ ...r, clarity: defaultRules().clarity, media: {} }, defaultRules());
});

test("withThresholds returns a new config with only the named changes, checked", () => {
  const today = defaultRules();
  const tuned = withThresholds(today, { "tags.riskAtMost": 55, "clarity.filler.mid": 0.03, "media.audio.pause_ratio.max": 0.3 });
  assert.equal(tuned.tags.riskAtMost, 55);
  assert.equal(tuned.clarity.filler.mid, 0.03);
  assert.deepEqual(tuned.media["audio.pause_ratio"], { min: null, max: 0.3 });
  assert.deepEqual(today, defaultRules(), "the input is not modified");
  assert.deepEqual({ ...tuned, tags: today.tags, clarity: today.clarity, media: {} }, today);
  assert.throws(() => withThresholds(today, { "tags.riskAtmost": 55 }), { message: "tags.riskAtmost: unknown threshold; did you mean tags.riskAtMost?" });
  assert.throws(() => withThresholds(today, { "tags.riskAtMost": 80 }), /tags\.strengthAtLeast: must be above tags\.riskAtMost .*\(got 75\)/);
});

test("clampThreshold keeps a tuner's value inside what the rules accept and says why", () => {
  const today = defaultRules();
  assert.deepEqual(clampThreshold(today, findThreshold("tags.strengthAtLeast"), 40), { value: 51, reason: "must be above the risk tag's 50" });
  assert.deepEqual(clampThreshold(today, findThreshold("tags.riskAtMost"), 90), { value: 74, reason: "must be below the strength tag's 75" });
  assert.deepEqual(clampThreshold(today, findThreshold("tasks.below"), -3), { value: 0, reason: "must be ≥ 0" });
  assert.deepEqual(clampThreshold(today, findThreshold("tasks.below"), 65), { value: 65 });
  const banded = withThresholds(today, { "media.audio.pause_ratio.max": 0.3 });
  assert.deepEqual(clampThreshold(banded, findThreshold("media.audio.pause_ratio.min"), 0.5), { value: 0.3, reason: "a floor must be ≤ its ceiling 0.3" });
});

test("nearestName and editDistance", () => {
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "abc"), 3);
  assert.equal(nearestName("STAR", ["session_id", "结构化表达（STAR）", "表达清晰度"]), "结构化表达（STAR）");
  assert.equal(nearestName("riskatmost", ["strengthAtLeast", "riskAtMost"]), "riskAtMost");
  assert.equal(nearestName("completely_else", ["session_id", "user_id"]), undefined);
});
