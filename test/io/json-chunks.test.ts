import { test } from "node:test";
import assert from "node:assert/strict";
import { jsonChunks } from "../../src/io/json-chunks";

test("jsonChunks joined is byte for byte JSON.stringify(value, null, space)", () => {
  const record = Object.assign(Object.create(null), { __proto__: 1, k: [Object.assign(Object.create(null), { z: 1 })] });
  const values: unknown[] = [
    {}, [], { a: [] }, { a: {} }, { a: undefined, b: () => 1, c: Symbol("x") }, [undefined, () => 1, Symbol("y"), NaN, Infinity, -0],
    { d: new Date(0), n: null, s: "a\nb\"\u2028\ud800", nested: { x: [1, [2, [3, {}]], { y: [] }], e: {} } }, record,
    { t: Float64Array.of(1, 2), m: new Map([[1, 2]]), w: new Number(3), str: new String("s"), b: [true, false] },
    { j: { toJSON: (k: string) => ({ key: k, arr: [k] }) }, arr: [{ toJSON: (k: string) => `at ${k}` }] },
    "text", 5, null, [[[]]], [{ a: 1 }, { b: [1, 2, { c: 3 }] }], { "结构化表达（STAR）": { first: 71.2, rci: null } },
  ];
  for (const v of values) for (const space of [0, 2, 4, 12]) assert.equal([...jsonChunks(v, { space })].join(""), JSON.stringify(v, null, space));
});

test("jsonChunks writes a long array in batches of elements (never as one string) and throws on a cycle, as JSON.stringify does", () => {
  const students = Array.from({ length: 1000 }, (_, i) => ({ user_id: `u_${i}`, changes: { d: { first: i, last: i + 1 } } }));
  const chunks = [...jsonChunks({ progress: { students } })];
  const total = chunks.join("").length;
  assert.ok(chunks.length >= 4 && Math.max(...chunks.map((c) => c.length)) < total / 3, `${chunks.length} chunks of ${total}`);
  assert.equal(chunks.join(""), JSON.stringify({ progress: { students } }, null, 2));
  // Batches with and without elements that have a toJSON (called with their index in the array), holes of undefined.
  const mixed = Array.from({ length: 700 }, (_, i) => (i === 300 ? { toJSON: (k: string) => `at ${k}` } : i % 97 === 0 ? undefined : i % 2 ? [i, { n: { m: [i] } }] : `s${i}`));
  for (const space of [0, 2, 12]) assert.equal([...jsonChunks({ a: { b: mixed } }, { space })].join(""), JSON.stringify({ a: { b: mixed } }, null, space));
  const cyclic: { a: unknown[] } = { a: [1] };
  cyclic.a.push(cyclic);
  assert.throws(() => [...jsonChunks(cyclic)], TypeError);
  assert.throws(() => [...jsonChunks(undefined)], TypeError);
});
