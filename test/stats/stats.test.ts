import { test } from "node:test";
import assert from "node:assert/strict";
import { pearson, spearman, spearmanInterval, cronbachAlpha, bootstrapInterval, normalizedEntropy, describe, finiteValues, pairedValues, sortedPresent } from "../../src/index";
import { createRng } from "../../src/generate/rng";

const close = (a: number | undefined, b: number, eps = 1e-9) => assert.ok(a !== undefined && Math.abs(a - b) < eps, `${a} ≉ ${b}`);

test("reference values (Python statistics 3.11: correlation, variance-based alpha)", () => {
  close(pearson([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 7, 5]), 0.7917946548886297);
  close(cronbachAlpha([[1, 2, 3, 4, 5], [2, 2, 4, 4, 5], [1, 3, 3, 5, 4]]), 0.9364161849710984);
  close(spearman([1, 2, 3, 4], [1, 3, 2, 4]), 0.8);
  close(normalizedEntropy([5, 15, 25, 35, 45, 55, 65, 75, 85, 95], 0, 100), 1);
  close(normalizedEntropy([100, 100, 100], 0, 100), 0);
});

test("one missing-data policy: null, undefined and NaN are skipped and counted; empty gives undefined", () => {
  assert.deepEqual(finiteValues([1, null, undefined, NaN, Infinity, 2]), { values: [1, 2], missing: 4 });
  assert.deepEqual(pairedValues([1, 2, null], [NaN, 3, 4]), { x: [2], y: [3], rows: [1], missing: 2 });
  assert.equal(describe([null, NaN]), undefined);
  assert.equal(pearson([1, 2], [1, 2]), undefined);
  assert.equal(pearson([1, 1, 1], [1, 2, 3]), undefined);
  assert.equal(cronbachAlpha([[1, 2, 3]]), undefined);
});

test("bootstrap intervals are seeded and bracket the estimate", () => {
  const x = Array.from({ length: 50 }, (_, i) => i);
  const y = x.map((v, i) => v + ((i * 7) % 11));
  const a = bootstrapInterval(x, y, pearson, { seed: 3 });
  const b = bootstrapInterval(x, y, pearson, { seed: 3 });
  assert.deepEqual(a, b);
  const r = pearson(x, y)!;
  assert.ok(a![0] < r && r < a![1]);
});

test("at large n the Fisher-z interval of Spearman's rho agrees with the bootstrap", () => {
  const n = 3000;
  const x = Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
  const y = x.map((v, i) => v + (Math.sin(i * 78.233) * 12345.678 % 1));
  const rho = spearman(x, y)!;
  const z = spearmanInterval(rho, n)!;
  const b = bootstrapInterval(x, y, spearman, { resamples: 300, seed: 2 })!;
  assert.ok(Math.abs(z[0] - b[0]) < 0.02 && Math.abs(z[1] - b[1]) < 0.02, `${z} vs ${b}`);
  assert.equal(spearmanInterval(1, 10), undefined);
  assert.equal(spearmanInterval(0.5, 3), undefined);
});

test("feature links: decile bins cover every pair once and are ordered by their upper bound", async () => {
  const { featureLinks } = await import("../../src/index");
  const aq = await import("arquero");
  const x = Array.from({ length: 200 }, (_, i) => i % 37);
  const t = aq.table({ "audio.speech_rate": x, overall_score: x.map((v) => v * 2), risk_tags: x.map(() => null), "score:d": x.map((v) => v + 1) });
  const [link] = featureLinks(t, ["d"], { features: ["audio.speech_rate"], resamples: 50 });
  assert.equal(link.bins.reduce((s, b) => s + b.n, 0), 200);
  for (let k = 1; k < link.bins.length; k++) assert.ok(link.bins[k].upper > link.bins[k - 1].upper);
  for (const b of link.bins) assert.ok(b.mean <= b.upper + 1);
  assert.ok(Math.abs(link.spearman - 1) < 1e-12);
});

test("ranks from a shared sort order give simple-statistics' Spearman exactly", async () => {
  const { averageRanks, sortedPresent, featureLinks } = await import("../../src/index");
  const { sampleRankCorrelation } = await import("simple-statistics");
  assert.deepEqual(Array.from(averageRanks([10, 30, 20, 20], [0, 2, 3, 1])), [1, 2.5, 2.5, 4]);
  assert.deepEqual(Array.from(sortedPresent([3, null, 1, NaN, 2])), [2, 4, 0]);
  const aq = await import("arquero");
  const f = Array.from({ length: 300 }, (_, i) => (i % 13 === 0 ? null : (i * 7919) % 101));
  const d = Array.from({ length: 300 }, (_, i) => (i % 17 === 0 ? NaN : (i * 104729) % 53));
  const t = aq.table({ "audio.pause_ratio": f, "score:d": d, overall_score: d, risk_tags: d.map(() => null) });
  const link = featureLinks(t, ["d"], { features: ["audio.pause_ratio"], resamples: 20 }).find((l) => l.target === "d")!;
  const pairs = f.map((v, i) => [v, d[i]]).filter(([a, b]) => a !== null && Number.isFinite(b)) as [number, number][];
  const expected = sampleRankCorrelation(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
  assert.ok(Math.abs(link.spearman - expected) < 1e-12, `${link.spearman} vs ${expected}`);
  assert.equal(link.n, pairs.length);
});

test("reference values of the hand-written interval and RCI (computed in Python's math module)", async () => {
  const { spearmanInterval, studentProgress } = await import("../../src/index");
  const aq = await import("arquero");
  const [lo, hi] = spearmanInterval(0.3, 10000)!;
  close(lo, 0.28165688853652715, 1e-12);
  close(hi, 0.31812391433329484, 1e-12);
  // One student, scores 50 → 60 → 70: SD 10, slope 10; with retest r 0.8, RCI = 20 / (√2 · 10 · √0.2)
  const sessions = aq.table({ session_id: ["a", "b", "c"], user_id: ["u", "u", "u"], ts: [1, 2, 3].map((d) => new Date(Date.UTC(2025, 0, d))), "score:d": [50, 60, 70] });
  // The RCI reads the growth-corrected ICC (0.8), not the consecutive-session r (0.3), when there is one.
  const quality = { cronbach_alpha: null, dimensions: { d: { retest_icc: 0.8, retest_r: 0.3, std: 10 } } } as unknown as Parameters<typeof studentProgress>[2];
  const p = studentProgress(sessions, ["d"], quality);
  assert.equal(p.changes.length, 1);
  close(p.changes[0].slope, 10);
  close(p.changes[0].rci!, 3.1622776601683795, 1e-12);
  assert.equal(p.changes[0].improved, true);
  assert.deepEqual(p.by_student, [{ user_id: "u", sessions: 3, improved: ["d"], changes: Object.assign(Object.create(null), { d: { first: 50, last: 70, slope: p.changes[0].slope, rci: p.changes[0].rci } }) }]);
  // without an ICC it falls back on the consecutive-session r: 20 / (√2 · 10 · √0.7) = 1.6903…
  const fallback = { cronbach_alpha: null, dimensions: { d: { retest_icc: null, retest_r: 0.3, std: 10 } } } as unknown as Parameters<typeof studentProgress>[2];
  close(studentProgress(sessions, ["d"], fallback).changes[0].rci!, 1.6903085094570331, 1e-12);
});

test("spearmanBootstrap equals the bootstrap of simple-statistics' Spearman (same draws), ties included", async () => {
  const { spearmanBootstrap } = await import("../../src/index");
  const order = (v: number[]) => Int32Array.from(v.keys()).sort((a, b) => v[a] - v[b]);
  for (const [n, levels] of [[40, 5], [200, 1000], [7, 2]] as const) {
    const x = Array.from({ length: n }, (_, i) => Math.floor(Math.abs(Math.sin(i * 12.9898) * 43758.5453 % 1) * levels));
    const y = x.map((v, i) => v + Math.floor(Math.abs(Math.sin(i * 78.233) * 12345.678 % 1) * levels));
    const fast = spearmanBootstrap(x, y, order(x), order(y), { resamples: 200, seed: 4 })!;
    const slow = bootstrapInterval(x, y, spearman, { resamples: 200, seed: 4 })!;
    assert.ok(Math.abs(fast[0] - slow[0]) < 1e-9 && Math.abs(fast[1] - slow[1]) < 1e-9, `n ${n}: ${fast} vs ${slow}`);
  }
});

test("sortedPresent: the radix sort gives the stable comparator sort's order: ties, negatives, -0, extremes, NaN, null and ±Infinity", () => {
  const rng = createRng(5);
  const extremes = [5e-324, -5e-324, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** -1022, -(2 ** 53), 2 ** 53 + 2];
  for (let t = 0; t < 200; t++) {
    const n = 1 + Math.floor(rng.uniform() * 300);
    const v = Array.from({ length: n }, () => {
      const u = rng.uniform();
      return u < 0.1 ? NaN : u < 0.15 ? null : u < 0.2 ? -0 : u < 0.25 ? 0 : u < 0.28 ? Infinity : u < 0.3 ? -Infinity
        : u < 0.35 ? extremes[Math.floor(rng.uniform() * extremes.length)] : u < 0.5 ? (rng.uniform() - 0.5) * 1e6
        : Math.round((rng.uniform() - 0.3) * 20) / (u < 0.75 ? 1 : 3);
    });
    const expected: number[] = [];
    v.forEach((x, i) => typeof x === "number" && Number.isFinite(x) && expected.push(i));
    expected.sort((a, b) => (v[a] as number) - (v[b] as number));
    assert.deepEqual(Array.from(sortedPresent(v)), expected);
  }
});

test("countingRanks over any subset equals the average ranks of a fresh sort of that subset; ranksInOrder and subsetOrders agree", async () => {
  const { valueCodes, countingRanks, ranksInOrder, subsetOrders, rankValues } = await import("../../src/index");
  const rng = createRng(9);
  for (let t = 0; t < 100; t++) {
    const n = 5 + Math.floor(rng.uniform() * 400);
    const v = Float64Array.from({ length: n }, () => (rng.uniform() < 0.2 ? NaN : Math.round(rng.uniform() * 12) - 4));
    const order = sortedPresent(v);
    const present = Array.from(order).sort((a, b) => a - b);
    const rows = Int32Array.from(present.filter(() => rng.uniform() < 0.6));
    const sub = Array.from(rows, (i) => v[i]);
    // Reference: each value's rank by counting the values below and equal to it (ties averaged).
    const expected = sub.map((x) => sub.filter((y) => y < x).length + (sub.filter((y) => y === x).length + 1) / 2);
    assert.deepEqual(Array.from(countingRanks(valueCodes(v, order), rows)), expected);
    const [subOrder] = subsetOrders(rows, [order], new Int32Array(n).fill(-1));
    assert.deepEqual(Array.from(ranksInOrder(Float64Array.from(sub), subOrder)), expected);
    assert.deepEqual(Array.from(rankValues(sub)), expected);
  }
});

test("pearsonWithSide of a centred side equals simple-statistics' sampleCorrelation; undefined for a constant column or n < 3", async () => {
  const { centeredSide, pearsonWithSide } = await import("../../src/index");
  const centeredPearson = (x: ArrayLike<number>, y: ArrayLike<number>) => pearsonWithSide(centeredSide(x), y);
  const { sampleCorrelation } = await import("simple-statistics");
  const rng = createRng(3);
  for (let t = 0; t < 50; t++) {
    const n = 3 + Math.floor(rng.uniform() * 500);
    const x = Float64Array.from({ length: n }, () => rng.uniform() * 1e4 + 1e6);
    const y = Float64Array.from(x, (a) => a * (t % 2 ? -0.3 : 2) + rng.uniform() * 3000);
    const r = centeredPearson(x, y)!;
    assert.ok(Math.abs(r - sampleCorrelation(Array.from(x), Array.from(y))) < 1e-12, `n ${n}: ${r}`);
  }
  assert.equal(centeredPearson([1, 1, 1, 1], [1, 2, 3, 4]), undefined);
  assert.equal(centeredPearson([1, 2], [1, 2]), undefined);
});

test("completeRows: the rows where every column is finite, as a filter of all the rows", async () => {
  const { completeRows } = await import("../../src/index");
  const rng = createRng(12);
  for (let t = 0; t < 50; t++) {
    const n = Math.floor(rng.uniform() * 200);
    const columns = [0, 1, 2].slice(0, 1 + (t % 3)).map(() => Float64Array.from({ length: n }, () => { const u = rng.uniform(); return u < 0.15 ? NaN : u < 0.2 ? Infinity : u; }));
    const expected = Array.from({ length: n }, (_, i) => i).filter((i) => columns.every((c) => Number.isFinite(c[i])));
    assert.deepEqual(Array.from(completeRows(columns)), expected);
  }
  assert.deepEqual(Array.from(completeRows([])), []);
});

test("sameRows: equal only for the same rows in the same order", async () => {
  const { sameRows } = await import("../../src/index");
  const rows = Int32Array.of(0, 2, 5);
  assert.equal(sameRows(rows, rows), true);
  assert.equal(sameRows(rows, Int32Array.of(0, 2, 5)), true);
  assert.equal(sameRows(rows, Int32Array.of(0, 5, 2)), false);
  assert.equal(sameRows(rows, Int32Array.of(0, 2)), false);
  assert.equal(sameRows(new Int32Array(0), []), true);
});

test("fewValueRanks: the counting-based average ranks of few distinct values; undefined past the bound or with a missing value", async () => {
  const { fewValueRanks } = await import("../../src/stats/few-value-ranks");
  const { rankValues } = await import("../../src/index");
  const rng = createRng(12);
  // Reference: each value's rank by counting the values below and equal to it (ties averaged).
  const reference = (v: readonly number[]) => v.map((x) => v.filter((y) => y < x).length + (v.filter((y) => y === x).length + 1) / 2);
  for (let t = 0; t < 100; t++) {
    const n = 1 + Math.floor(rng.uniform() * 300);
    const levels = 1 + Math.floor(rng.uniform() * 40);
    const v = Array.from({ length: n }, () => {
      const u = rng.uniform();
      return u < 0.05 ? -0 : u < 0.1 ? 0 : u < 0.15 ? -1e300 : (Math.floor(rng.uniform() * levels) - levels / 3) / 2;
    });
    const expected = reference(v);
    assert.deepEqual(Array.from(fewValueRanks(v, 64)!), expected, `levels ${levels}`);
    assert.deepEqual(Array.from(rankValues(v)), expected);
  }
  const many = Array.from({ length: 500 }, (_, i) => (i * 7919) % 500);
  assert.equal(fewValueRanks(many, 499), undefined, "more distinct values than the bound");
  assert.deepEqual(Array.from(fewValueRanks(many, 500)!), reference(many), "exactly the bound");
  assert.deepEqual(Array.from(rankValues(many.map((x) => x + 0.5 * Math.sin(x)))), reference(many.map((x) => x + 0.5 * Math.sin(x))), "the sorting path");
  assert.equal(fewValueRanks([1, NaN, 2], 8), undefined);
  assert.throws(() => rankValues([1, NaN, 2]), /complete column/);
});

test("a RankScratch reused over columns of different lengths gives the orders and ranks of fresh buffers", async () => {
  const { RankScratch } = await import("../../src/stats/rank-scratch");
  const { ranksInOrder } = await import("../../src/index");
  const rng = createRng(13);
  const scratch = new RankScratch();
  const kept: { order: Int32Array; ranks: Float64Array; v: Float64Array }[] = [];
  for (let t = 0; t < 60; t++) {
    const n = 1 + Math.floor(rng.uniform() * (t % 2 ? 50 : 600));
    const v = Float64Array.from({ length: n }, () => (rng.uniform() < 0.1 ? NaN : (rng.uniform() - 0.5) * 1e4));
    const order = sortedPresent(v, scratch);
    assert.deepEqual(Array.from(order), Array.from(sortedPresent(v)));
    const present = Float64Array.from(order, (i) => v[i]);
    const ranks = ranksInOrder(present, sortedPresent(present, scratch), scratch);
    assert.deepEqual(Array.from(ranks), Array.from(ranksInOrder(present, sortedPresent(present))));
    kept.push({ order, ranks, v });
  }
  // What was returned is the caller's: later calls do not write into it.
  for (const { order, ranks, v } of kept) {
    assert.deepEqual(Array.from(order), Array.from(sortedPresent(v)));
    const present = Float64Array.from(order, (i) => v[i]);
    assert.deepEqual(Array.from(ranks), Array.from(ranksInOrder(present, sortedPresent(present))));
  }
});
