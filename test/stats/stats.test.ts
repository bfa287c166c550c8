import { test } from "node:test";
import assert from "node:assert/strict";
import { pearson, spearman, cronbachAlpha, bootstrapInterval, normalizedEntropy, describe, finiteValues, pairedValues } from "../../src/index";

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
  assert.deepEqual(pairedValues([1, 2, null], [NaN, 3, 4]), { x: [2], y: [3], missing: 2 });
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
