import { test } from "node:test";
import assert from "node:assert/strict";
import { pyDumps, pyInt, pyFloat, pyIsoformat, PyJsonWriter } from "../../src/index";

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

test("the byte writer's digit-by-digit floats equal Python's repr (pyFloat) on rounded and raw doubles", () => {
  const w = new PyJsonWriter();
  let x = 0.5;
  const values: number[] = [0.1, 0.0001, 1e-4, 0.00011, 123456.789012, 999999999.5, 1e9 + 0.5, 1e15 - 1, 1e15, -2.5, -0.0003, 5e-5, 100, 0];
  for (let i = 0; i < 20000; i++) {
    x = (x * 9301 + 49297) % 233280; // a fixed pseudo-random walk over magnitudes and decimals
    const v = (x / 233280) * 10 ** ((i % 13) - 4) * (i % 3 === 0 ? -1 : 1);
    values.push(v, Number(v.toFixed(i % 7)), Math.round(v));
  }
  for (const v of values) {
    w.reset();
    w.float(v);
    assert.equal(w.buf.toString("latin1", 0, w.at), pyFloat(v), String(v));
  }
});
