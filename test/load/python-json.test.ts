import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePythonJson } from "../../src/load/python-json";

test("plain JSON parses with no non-finite tokens", () => {
  assert.deepEqual(parsePythonJson('{"a": 1.5, "b": [1, 2]}'), { value: { a: 1.5, b: [1, 2] }, nonFinite: [] });
});

test("NaN, Infinity and -Infinity become null and are listed with their paths", () => {
  const r = parsePythonJson('{"a": NaN, "b": {"c": [1, -Infinity, Infinity]}}');
  assert.deepEqual(r.value, { a: null, b: { c: [1, null, null] } });
  assert.deepEqual(r.nonFinite, [
    { path: "a", token: "NaN" },
    { path: "b.c[1]", token: "-Infinity" },
    { path: "b.c[2]", token: "Infinity" },
  ]);
});

test("tokens inside strings are text, not numbers", () => {
  const r = parsePythonJson('{"m": "NaN and Infinity \\" NaN", "x": NaN}');
  assert.deepEqual(r.value, { m: 'NaN and Infinity " NaN', x: null });
  assert.equal(r.nonFinite.length, 1);
});

test("invalid JSON still throws", () => {
  assert.throws(() => parsePythonJson('{"a": NaN'), SyntaxError);
  assert.throws(() => parsePythonJson('{"a" 1}'), SyntaxError);
});
