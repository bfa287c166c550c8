import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateLog, writeLog, OutputExistsError } from "../../src/index";
import { tempDir } from "../helpers";

// writeLog simulates blocks of 2,000 students on worker threads and merges them: it must write exactly the bytes
// (and report exactly the truth) of the single-threaded generator, whatever the number of workers.
test("worker threads write the single-threaded generator's bytes and truth (several blocks, faults, quirks)", async () => {
  const options = { students: 4500, sessions: [1, 2] as [number, number], seed: 5, faults: 0.01 };
  const gen = generateLog(options);
  const expected = [...gen.lines].join("");
  const dir = tempDir();
  for (const workers of [2, 3]) {
    const file = join(dir, `w${workers}.log`);
    const truth = await writeLog(file, options, { workers });
    assert.equal(readFileSync(file, "utf8"), expected, `${workers} workers`);
    assert.deepEqual(truth, gen.truth());
  }
  assert.ok(gen.truth().faults.length > 50);
  assert.ok(gen.truth().quirks.some((q) => q.kind === "orphan_media"));
  await assert.rejects(writeLog(join(dir, "w2.log"), options, { workers: 2 }), OutputExistsError);
});

// Without trackTruth (the CLI without --truth, the bench) nothing per session, student or kept line is held: the
// bytes, the row counters and the faults' lines are those of the tracked run, the per-student and quirk lists empty.
test("without trackTruth: the same bytes, counts and faults; no per-student or per-quirk lists", async () => {
  const options = { students: 4500, sessions: [1, 2] as [number, number], seed: 5, faults: 0.01 };
  const tracked = generateLog(options);
  const expected = [...tracked.lines].join("");
  const full = tracked.truth();
  const dir = tempDir();
  for (const workers of [0, 2]) {
    const file = join(dir, `untracked-${workers}.log`);
    const truth = await writeLog(file, { ...options, trackTruth: false }, { workers });
    assert.equal(readFileSync(file, "utf8"), expected, `${workers} workers`);
    assert.deepEqual(truth.faults, full.faults);
    for (const key of ["lines", "session_report", "media_report", "unknown_type"] as const) assert.equal(truth.counts[key], full.counts[key], key);
    assert.equal(truth.counts.sessions, -1);
    assert.deepEqual(truth.quirks, []);
    for (const d of Object.keys(full.improvement)) {
      assert.ok(Object.keys(full.improvement[d]).length > 0);
      assert.deepEqual(truth.improvement[d], {});
      assert.deepEqual(truth.improvers[d], []);
    }
  }
});
