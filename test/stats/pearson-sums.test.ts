import { test } from "node:test";
import assert from "node:assert/strict";
import { PearsonSums } from "../../src/stats/pearson-sums";

test("the streaming Pearson accumulator gives Python's statistics.correlation, also when merged from parts", () => {
  const x = [1.5, 2.0, 3.25, 4.0, 5.5, 7.0, 8.25];
  const y = [2.1, 3.9, 5.0, 8.8, 9.1, 15.2, 14.0];
  const whole = new PearsonSums();
  x.forEach((v, i) => whole.add(v, y[i]));
  assert.ok(Math.abs(whole.value()! - 0.9618812228387077) < 1e-12, `${whole.value()}`); // Python 3: statistics.correlation(x, y)
  const a = new PearsonSums();
  const b = new PearsonSums();
  x.forEach((v, i) => (i < 3 ? a : b).add(v, y[i]));
  a.merge(b.sums());
  assert.ok(Math.abs(a.value()! - whole.value()!) < 1e-12);
  const flat = new PearsonSums();
  [1, 2, 3].forEach((v) => flat.add(v, 5));
  assert.equal(flat.value(), null);
  const two = new PearsonSums();
  two.add(1, 2);
  two.add(2, 3);
  assert.equal(two.value(), null);
});
