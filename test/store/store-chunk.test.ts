import { test } from "node:test";
import assert from "node:assert/strict";
import { ChunkBuilder, Interner } from "../../src/index";
import { StoreAssembler, BlockColumn, TextColumn, CodedColumn, PickedColumn, GroupColumn, SparseParts, groupRows, parseLine } from "../../src/index";
import { sessionLine, mediaLine } from "../helpers";

const rowOf = (text: string) => parseLine(text, { file: "t.log", line: 1, last: false }, new Map()).row!;

test("a parsing thread's dictionary starts afresh past its size bound, and the assembler still decodes every value", () => {
  const dictionary = new Interner({ id: 7, maxChars: 40 }); // 40 characters: a few user ids
  const assembler = StoreAssembler.create();
  const users = Array.from({ length: 30 }, (_, i) => `user-${String(i).padStart(4, "0")}`);
  let resets = 0;
  for (let c = 0; c < 6; c++) {
    const builder = new ChunkBuilder(10, dictionary);
    for (let k = 0; k < 5; k++) {
      const i = c * 5 + k;
      builder.add(rowOf(sessionLine({ sid: `s${i}`, user: users[i], ts: "2025-11-03T10:00:00" })), k + 1);
      if (k < 2) builder.add(rowOf(mediaLine({ sid: `s${i}`, mid: `m${i}`, user: users[(i + 1) % 30], ts: "2025-11-03T10:01:00" })), k + 1);
    }
    const chunk = builder.finish();
    if (chunk.dictionary.reset) resets++;
    assembler.append(chunk, "t.log", c * 5);
  }
  assert.ok(resets >= 2, `${resets} resets`);
  const data = assembler.finish();
  assert.deepEqual(Array.from(data.reports.user_id), users);
  assert.deepEqual(Array.from(data.media.user_id), Array.from({ length: 12 }, (_, j) => users[(Math.floor(j / 2) * 5 + (j % 2) + 1) % 30]));
  assert.deepEqual(Array.from(data.media.media_id), Array.from({ length: 12 }, (_, j) => `m${Math.floor(j / 2) * 5 + (j % 2)}`));
  assert.deepEqual(data.sessionIds, users.map((_, i) => `s${i}`));
  assert.deepEqual(Array.from(data.reports.session_id), data.sessionIds);
});

test("columns: blocks across their boundary, packed text, codes, picks and groups read back what went in", () => {
  const n = 40_000; // more than two blocks of 2^14 rows
  const values = Float64Array.from({ length: n }, (_, i) => i * 0.5);
  const blocks = BlockColumn.of(Float64Array, values);
  assert.equal(blocks.length, n);
  assert.equal(blocks.blocks.length, 3);
  assert.deepEqual(Float64Array.from(blocks), values);
  const strings = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `é${i}✓` : `t${i}`));
  const text = TextColumn.of(strings);
  assert.deepEqual(text.toArray(), strings);
  assert.equal(text.at(0), "é0✓");
  const coded = new CodedColumn(BlockColumn.of(Int32Array, [2, 0, 1, 2]), ["a", null, "c"]);
  assert.deepEqual([...coded], ["c", "a", null, "c"]);
  assert.deepEqual(new PickedColumn(coded, Int32Array.of(3, -1, 0), "none").toArray(), ["c", "none", "c"]);
  const groups = groupRows(Int32Array.of(1, 0, 1, 2, 1), 4);
  const sizes = new GroupColumn(groups, (order, lo, hi) => Array.from(order.subarray(lo, hi)));
  assert.deepEqual(sizes.toArray(), [[1], [0, 2, 4], [3], []]);
  assert.deepEqual(sizes.range(1, 3).toArray(), [[0, 2, 4], [3]]);
});

test("sparse columns: columns missing together share one rank, across parts and blocks", () => {
  const n = 20_000;
  const parts = new SparseParts(2);
  const a = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? i : NaN));
  const b = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 && i % 2 === 0 ? -i : NaN)); // missing inside present rows too
  parts.push([a.subarray(0, 7000), b.subarray(0, 7000)]);
  parts.push([a.subarray(7000), b.subarray(7000)]);
  const [ca, cb] = parts.finish();
  assert.equal(ca.rank, cb.rank);
  assert.equal(ca.values.length, Math.ceil(n / 3));
  assert.deepEqual(Float64Array.from(ca), a);
  assert.deepEqual(Float64Array.from(cb), b);
});

test("list keys: different lists never share one, and each gives its list back", async () => {
  const { listKey, listOfKey } = await import("../../src/store/list-interner");
  const lists = [[], [""], ["", ""], ["a"], ["a", "b"], ["a\u0000b"], ["a", "", "b"], ["J[]"], ["2:x"], ["表达", "STAR"], ["\u0000"]];
  const keys = lists.map((l) => listKey(l)!);
  assert.equal(new Set(keys).size, lists.length);
  lists.forEach((l, k) => assert.deepEqual(listOfKey(keys[k]), l));
  assert.equal(listKey(null), null);
});
