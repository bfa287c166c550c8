import { test } from "node:test";
import assert from "node:assert/strict";
import { pyDumps, pyInt, pyFloat, pyIsoformat } from "../../src/index";

test("Python's separators, float repr, ints and non-finite tokens", () => {
  assert.equal(pyDumps({ a: 100, b: pyInt(20), c: [0.5, NaN, Infinity], d: null, e: "中文" }), '{"a": 100.0, "b": 20, "c": [0.5, NaN, Infinity], "d": null, "e": "中文"}');
  // values checked against CPython 3.11's repr()
  assert.equal(pyFloat(1e-5), "1e-05");
  assert.equal(pyFloat(0.0001), "0.0001");
  assert.equal(pyFloat(138.33333333333334), "138.33333333333334");
  assert.equal(pyFloat(1e16), "1e+16");
  assert.equal(pyFloat(-0.5), "-0.5");
});

test("isoformat drops the fraction when microseconds are zero", () => {
  const ms = Date.UTC(2025, 10, 3, 12, 24, 13);
  assert.equal(pyIsoformat(ms, 482113), "2025-11-03T12:24:13.482113");
  assert.equal(pyIsoformat(ms, 5), "2025-11-03T12:24:13.000005");
  assert.equal(pyIsoformat(ms, 0), "2025-11-03T12:24:13");
});
