import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ValueIndex } from "../../src/store/value-index";
import { Interner } from "../../src/store/interner";
import { StoreAssembler } from "../../src/store/store-assembler";
import { bytesToParse, INLINE_BYTES, parseChunks } from "../../src/load/parse-chunks";
import { sessionLine, mediaLine, tempDir } from "../helpers";

/** Distinct strings with shared prefixes, non-ASCII and astral characters, and the empty string: many probe collisions. */
function values(n: number): (string | null)[] {
  const out: (string | null)[] = [null, ""];
  for (let i = 0; i < n; i++) out.push(i % 3 === 0 ? `s_${i.toString(16)}` : i % 3 === 1 ? `结构化表达${i}` : `u\u{1F600}${i}`);
  return out;
}

test("a ValueIndex finds every value of its list at its position, null included, and nothing else", () => {
  const list = values(50_000);
  const index = ValueIndex.of(list)!;
  list.forEach((v, i) => assert.equal(index.find(v), i));
  for (const absent of ["s_", "结构化表达", "u\u{1F600}", "s_ffffffff", " "]) assert.equal(index.find(absent), undefined);
  assert.equal(ValueIndex.of(["a"])!.find(null), undefined);
  assert.equal(ValueIndex.of([])!.find("a"), undefined);
});

test("a ValueIndex refuses a list whose values repeat (null too)", () => {
  assert.throws(() => ValueIndex.of(["a", "b", "a"]), /repeat/);
  assert.throws(() => ValueIndex.of([null, "b", null]), /repeat/);
});

/** FNV-1a over UTF-16 code units (written here from its definition, to craft colliding ids). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

test("ids crafted to collide are not indexed by the unseeded hash (a Map takes them), and an interner resumed from them codes them right", () => {
  // 300 values: a table of 1,024 slots; every id below hashes to slot 0.
  const colliding: string[] = [];
  for (let i = 0; colliding.length < 300; i++) if ((fnv1a(`s_${i}`) & 1023) === 0) colliding.push(`s_${i}`);
  assert.equal(ValueIndex.of(colliding), undefined);
  const resumed = Interner.from([...colliding]);
  colliding.forEach((v, i) => assert.equal(resumed.code(v), i));
  assert.equal(resumed.code("s_new"), 300);
  assert.throws(() => Interner.from([...colliding, colliding[7]]), /Interner\.from: the values repeat/);
  // Chance collisions among as many random ids do not trip the bound.
  assert.ok(ValueIndex.of(Array.from({ length: 300 }, (_, i) => `s_${(i * 2654435761) >>> 0}`)));
});

test("an interner resumed from values codes old and new values as a fresh interner fed the same values does", () => {
  const list = values(20_000);
  const resumed = Interner.from([...list]);
  const fresh = new Interner();
  for (const v of list) fresh.code(v);
  const later = ["new", "s_0", "结构化表达1", null, "new", "other", ""];
  for (const v of [...later, ...list.slice(0, 100)]) assert.equal(resumed.code(v), fresh.code(v));
  assert.deepEqual(resumed.values, fresh.values);
  assert.deepEqual(resumed.take().added, ["new", "other"]);
  assert.throws(() => Interner.from(["x", "x"]), /Interner\.from: the values repeat/);
});

test("parseChunks counts the bytes it will parse, so that a few MB are parsed without starting workers", async () => {
  const dir = tempDir();
  const file = join(dir, "m.log");
  const lines = Array.from({ length: 40 }, (_, i) => (i % 2 ? mediaLine({ sid: `s${i}`, mid: `m${i}`, user: "u1", ts: "2025-11-03T10:01:00" }) : sessionLine({ sid: `s${i}`, user: "u1", ts: "2025-11-03T10:00:00" })));
  writeFileSync(file, `${lines.join("\n")}\n`);
  const size = Buffer.byteLength(`${lines.join("\n")}\n`);
  assert.equal(bytesToParse([file], {}), size);
  assert.equal(bytesToParse([file, file], { start: 100 }), 2 * (size - 100));
  assert.equal(bytesToParse([file], { start: 100, end: 300 }), 200);
  assert.equal(bytesToParse([file], { end: size * 10 }), size);
  assert.equal(bytesToParse([file, "-"], {}), Infinity);
  assert.equal(bytesToParse([join(dir, "missing.log")], {}), Infinity);
  assert.ok(size < INLINE_BYTES);
  // The default (no worker for so few bytes) and two workers give the same chunks.
  const run = async (workers?: number) => {
    const assembler = StoreAssembler.create();
    const chunks: unknown[] = [];
    for await (const c of parseChunks([file], { highWaterMark: 2048, workers })) {
      chunks.push([c.lineBase, c.end, c.torn, c.parsed.lines, c.parsed.issues]);
      assembler.append(c.parsed.columns, c.file, c.lineBase);
    }
    const data = assembler.finish();
    return { chunks, sessions: data.sessionIds, users: [...data.reports.user_id], lines: [...data.reports.line, ...data.media.line], media: [...data.media.media_id] };
  };
  const [inline, parallel] = [await run(), await run(2)];
  assert.ok(inline.chunks.length > 2);
  assert.equal(inline.sessions.length, 40);
  assert.deepEqual(inline, parallel);
});
