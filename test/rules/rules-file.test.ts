import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { readRules, writeRules, defaultRules, setThreshold } from "../../src/index";
import { tempDir } from "../helpers";

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
  assert.throws(() => readRules(path), /invalid rules .*rules\.json at tags\.riskAtMost/);
});
