import { test } from "node:test";
import assert from "node:assert/strict";
import { generateLog, loadTables, featureLinks, MEDIA_FEATURES, TEXT_FEATURES } from "../../src/index";
import { linkInputs, featureColumn, hasFeatureColumn } from "../../src/analysis/link-inputs";
import { linksInParallel } from "../../src/analysis/parallel-links";
import { writeTemp } from "../helpers";

test("feature links on two threads (a worker reading shared memory) are the links of one thread, in the same order", async () => {
  const gen = generateLog({ students: 400, sessions: [2, 6], seed: 11 });
  const t = await loadTables(writeTemp("parallel-links.log", [...gen.lines].join("")), { cache: false });
  const one = featureLinks(t.joined, t.dimensions, { threads: 1, resamples: 40 });
  const two = featureLinks(t.joined, t.dimensions, { threads: 2, parallelFrom: 0, resamples: 40 });
  assert.ok(one.length > 40, `${one.length} links`);
  assert.deepEqual(two, one);
  // The worker really linked its share (a failed worker's features would be linked on the calling thread).
  const inputs = linkInputs(t.joined, t.dimensions, true);
  const features = [...MEDIA_FEATURES, ...TEXT_FEATURES].filter((f) => hasFeatureColumn(t.joined, f));
  const settings = { resamples: 40, seed: 1, minN: 10, bootstrapMaxN: 5000 };
  // `alongside` in steps (the analysis' timeline, then each dimension's figures): run here, its result returned.
  let steps = 0;
  const run = linksInParallel(features, (f) => featureColumn(t.joined, f)!, inputs, settings, () => 1, function* () {
    for (; steps < 3; steps++) yield;
    return "alongside";
  });
  assert.equal(run.extra, "alongside");
  assert.equal(steps, 3);
  assert.ok(run.byWorker >= 2, `the worker linked ${run.byWorker} of ${features.length} features`);
  assert.deepEqual(run.links.flat().map((l) => [l.feature, l.target, l.spearman, l.partial_spearman]), one.map((l) => [l.feature, l.target, l.spearman, l.partial_spearman]));
});

test("a thread's scratch keeps the controls' ranks from feature to feature: the links equal those with a fresh scratch each", async () => {
  const { linksOfFeature } = await import("../../src/analysis/feature-link-rows");
  const { LinkScratch } = await import("../../src/analysis/link-pairs");
  const gen = generateLog({ students: 300, sessions: [2, 6], seed: 23 });
  const t = await loadTables(writeTemp("scratch-links.log", [...gen.lines].join("")), { cache: false });
  const inputs = linkInputs(t.joined, t.dimensions, true);
  const features = [...MEDIA_FEATURES, ...TEXT_FEATURES].filter((f) => hasFeatureColumn(t.joined, f));
  const settings = { resamples: 0, seed: 1, minN: 10, bootstrapMaxN: 5000 };
  const shared = new LinkScratch(inputs.rows);
  const kept = features.flatMap((f) => linksOfFeature(f, featureColumn(t.joined, f)!, inputs, settings, shared));
  const fresh = features.flatMap((f) => linksOfFeature(f, featureColumn(t.joined, f)!, inputs, settings, new LinkScratch(inputs.rows)));
  assert.ok(kept.filter((l) => l.partial_spearman !== null).length > 20, "links with a partial ρ");
  assert.deepEqual(kept, fresh);
});
