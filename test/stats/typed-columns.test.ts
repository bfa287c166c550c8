import { test } from "node:test";
import assert from "node:assert/strict";
import { pairedValues, finiteValues, cronbachAlpha, describe } from "../../src/index";
import { pairedColumns } from "../../src/stats/paired-columns";
import { presentValues } from "../../src/stats/finite-values";
import { iccConsistency, iccConsistencyOf } from "../../src/stats/icc-consistency";
import { createRng } from "../../src/generate/rng";

const messy = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const u = rng.uniform();
    return u < 0.1 ? null : u < 0.15 ? NaN : u < 0.17 ? undefined : u < 0.18 ? Infinity : Math.round(rng.uniform() * 1000) / 10;
  });
};

test("pairedColumns and presentValues hold the values pairedValues and finiteValues give, in typed arrays", () => {
  const xs = messy(500, 1);
  const ys = messy(500, 2);
  const p = pairedValues(xs, ys);
  const q = pairedColumns(xs, ys);
  assert.ok(q.x instanceof Float64Array && q.y instanceof Float64Array && q.rows instanceof Int32Array);
  assert.deepEqual([Array.from(q.x), Array.from(q.y), Array.from(q.rows), q.missing], [p.x, p.y, p.rows, p.missing]);
  assert.deepEqual(Array.from(presentValues(xs)), finiteValues(xs).values);
  assert.throws(() => pairedColumns([1], [1, 2]), /equal length/);
});

test("describe and cronbachAlpha give the same figures on typed columns as on arrays", () => {
  const items = [messy(300, 3), messy(300, 4), messy(300, 5)].map((c) => c.map((v) => (typeof v === "number" && Number.isFinite(v) ? v : NaN)));
  assert.equal(cronbachAlpha(items.map((c) => Float64Array.from(c))), cronbachAlpha(items));
  assert.deepEqual(describe(Float64Array.from(items[0])), describe(items[0]));
});

test("iccConsistencyOf on a flat matrix equals iccConsistency on its rows", () => {
  const rng = createRng(7);
  const rows = Array.from({ length: 200 }, () => {
    const a = rng.uniform() * 50;
    return [a + rng.uniform() * 10, a + 3 + rng.uniform() * 10, a + 5 + rng.uniform() * 10];
  });
  assert.equal(iccConsistencyOf(Float64Array.from(rows.flat()), 3), iccConsistency(rows));
  assert.equal(iccConsistency([[1, 2, 3], [3, 4, 5], [5, 6, 8]]), iccConsistencyOf(Float64Array.of(1, 2, 3, 3, 4, 5, 5, 6, 8), 3));
  assert.equal(iccConsistencyOf(Float64Array.of(1, 2), 2), undefined);
  assert.throws(() => iccConsistency([[1, 2], [1, 2, 3]]), /equal length/);
});
