import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { readRules, writeRules, defaultRules, setThreshold, parseRules, RulesError, RulesConfig, withThresholds, clampThreshold, findThreshold, nearestName, editDistance, ruleConflicts, THRESHOLDS } from "../../src/index";
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
  assert.throws(() => writeRules(path, defaultRules()), { message: `${path} exists; pass { force: true } to overwrite it` });
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
  assert.equal(rulesError({ tags: { strengthAtLeast: 50 } }), "tags.strengthAtLeast 50 equals tags.riskAtMost 50: a score could be both a strength and a risk");
  assert.equal(rulesError({ tasks: { count: 1.5 } }), "tasks.count: must be a whole number (got 1.5)");
  assert.equal(rulesError({ tasks: { count: -1 } }), "tasks.count: must be ≥ 0 (got -1)");
  assert.equal(rulesError({ tasks: { durationMin: 0 } }), "tasks.durationMin: must be > 0 (got 0)");
  assert.equal(rulesError({ clarity: { min: 90, max: 10 } }), "clarity.min: min must be ≤ max (got 90)");
  assert.equal(rulesError({ media: { "audio.pause_ratio": { min: 0.5, max: 0.3 } } }), "media.audio.pause_ratio.min: min must be ≤ max (got 0.5)");
  assert.equal(rulesError({ star: { commentCoverage: 1.5 } }), "star.commentCoverage: must be ≤ 1 (a share) (got 1.5)");
  assert.equal(parseRules({ tags: { strengthAtLeast: 51 } }).tags.strengthAtLeast, 51);
});

test("a threshold out of order, or past which its rule can never fire, is an error naming the field, its value and the conflict", () => {
  assert.equal(rulesError({ clarity: { length: { mid: 300 } } }), "clarity.length.mid 300 is above clarity.length.high 220: the mid deduction could never apply");
  assert.equal(rulesError({ clarity: { length: { high: 150 } } }), "clarity.length.mid 150 equals clarity.length.high 150: the mid deduction could never apply");
  assert.equal(rulesError({ clarity: { filler: { mid: 0.06 } } }), "clarity.filler.mid 0.06 is above clarity.filler.high 0.05: the mid deduction could never apply");
  assert.equal(rulesError({ tasks: { below: 0 } }), "tasks.below 0 is not above the lowest score 0: no dimension could ever get a task");
  assert.equal(rulesError({ tags: { strengthAtLeast: 101 } }), "tags.strengthAtLeast 101 is above the highest score 100: no dimension could ever get a strength tag");
  assert.equal(rulesError({ tags: { strengthAtLeast: 40 } }), "tags.strengthAtLeast 40 is below tags.riskAtMost 50: a score could be both a strength and a risk");
  assert.equal(rulesError({ reflection: { commentThreshold: 0 } }), "reflection.commentThreshold 0 is not above the lowest score 0: the reflection comment could never ask for more reflection");
  assert.equal(rulesError({ star: { commentCoverage: 0 } }), "star.commentCoverage 0 is not above the lowest coverage 0: the STAR comment could never flag a group");
  // every conflict is listed; a value out of bounds is told alone, without a conflict it would also make
  assert.equal(rulesError({ clarity: { filler: { mid: 0.06 } }, tasks: { below: 0 } }), "clarity.filler.mid 0.06 is above clarity.filler.high 0.05: the mid deduction could never apply; tasks.below 0 is not above the lowest score 0: no dimension could ever get a task");
  assert.equal(rulesError({ tasks: { below: -1 } }), "tasks.below: must be ≥ 0 (got -1)");
  assert.throws(() => readRules(writeJson({ clarity: { length: { mid: 300 } } })), /^RulesError: invalid rules .*r\.json: clarity\.length\.mid 300 is above clarity\.length\.high 220: the mid deduction could never apply$/);
  assert.equal(RulesConfig.safeParse({ tasks: { below: 0 } }).success, false, "the schema itself rejects them");
  // today's rules, and the edges that still fire, are accepted
  assert.deepEqual(ruleConflicts(defaultRules()), []);
  assert.equal(parseRules({ clarity: { length: { mid: 219 } }, tasks: { below: 0.5 }, tags: { strengthAtLeast: 100 } }).clarity.length.mid, 219);
});

/** `json` written to a rules file r.json in a new folder. */
function writeJson(json: unknown): string {
  const path = join(tempDir(), "r.json");
  writeFileSync(path, JSON.stringify(json));
  return path;
}

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
  assert.throws(() => withThresholds(today, { "tags.riskAtMost": 80 }), { message: "tags.strengthAtLeast 75 is below tags.riskAtMost 80: a score could be both a strength and a risk" });
  // two thresholds moved past each other at once: checked after both changes
  assert.deepEqual(withThresholds(today, { "clarity.length.mid": 250, "clarity.length.high": 300 }).clarity.length, { high: 300, highPenalty: 15, mid: 250, midPenalty: 8 });
  assert.throws(() => withThresholds(today, { "clarity.length.mid": 250 }), { message: "clarity.length.mid 250 is above clarity.length.high 220: the mid deduction could never apply" });
});

test("clampThreshold keeps a tuner's value inside what the rules accept and says why", () => {
  const today = defaultRules();
  assert.deepEqual(clampThreshold(today, findThreshold("tags.strengthAtLeast"), 40), { value: 51, reason: "must be above tags.riskAtMost 50" });
  assert.deepEqual(clampThreshold(today, findThreshold("tags.riskAtMost"), 90), { value: 74, reason: "must be below tags.strengthAtLeast 75" });
  assert.deepEqual(clampThreshold(today, findThreshold("tasks.below"), -3), { value: 1, reason: "must be above the lowest score 0" });
  assert.deepEqual(clampThreshold(today, findThreshold("clarity.length.mid"), 300), { value: 215, reason: "must be below clarity.length.high 220" });
  assert.deepEqual(clampThreshold(today, findThreshold("clarity.length.high"), 100), { value: 155, reason: "must be above clarity.length.mid 150" });
  assert.deepEqual(clampThreshold(today, findThreshold("clarity.filler.mid"), 0.06), { value: 0.045, reason: "must be below clarity.filler.high 0.05" });
  // whatever a tuner asks, the rules it makes are rules parseRules accepts
  for (const t of THRESHOLDS) {
    for (const asked of [-1, t.range[0], (t.range[0] + t.range[1]) / 2, t.range[1], t.range[1] * 2]) {
      const tuned = setThreshold(today, t.path, clampThreshold(today, t, asked).value);
      assert.deepEqual(parseRules(tuned), tuned, `${t.path} at ${asked}`);
    }
  }
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
