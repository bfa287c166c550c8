import { test } from "node:test";
import assert from "node:assert/strict";
import { loadMetrics, loadTables } from "../../src/index";
import { decodeMarked, invalidUtf8Paths, INVALID_UTF8 } from "../../src/load/utf8";
import { writeTemp, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13.482113";
const bytes = (s: string) => Buffer.from(s, "utf8");
/** `line` with raw bytes inserted right after the first `after`. */
function insertBytes(line: string, after: string, inserted: number[]): Buffer {
  const at = line.indexOf(after) + after.length;
  return Buffer.concat([bytes(line.slice(0, at)), Buffer.from(inserted), bytes(line.slice(at))]);
}

test("decodeMarked marks each byte outside a well-formed sequence, and nothing else", () => {
  assert.equal(decodeMarked(Buffer.from([0x61, 0xff, 0xfe, 0x62])), `a${INVALID_UTF8}${INVALID_UTF8}b`);
  assert.equal(decodeMarked(bytes("表达清晰度 \uFFFD ok")), "表达清晰度 \uFFFD ok"); // a real U+FFFD stays itself
  // A truncated 3-byte sequence, an overlong encoding, an encoded surrogate: all invalid.
  assert.equal(decodeMarked(Buffer.from([0xe8, 0xa1, 0x41, 0xc0, 0xaf, 0xed, 0xa0, 0x80])), `${INVALID_UTF8}${INVALID_UTF8}A${INVALID_UTF8.repeat(5)}`);
  assert.deepEqual(invalidUtf8Paths({ user_id: `u${INVALID_UTF8}`, e: { dims: [{ name: "ok" }, { [`k${INVALID_UTF8}`]: 1 }] } }), ["user_id", "e.dims[1].k\uDFFF"]);
});

test("invalid UTF-8 in a value rejects the row with invalid_utf8 at its field, on both paths; a real U+FFFD is kept", async () => {
  const good = sessionLine({ sid: "a", ts: TS });
  const badUser = insertBytes(sessionLine({ sid: "b", user: "u", ts: TS }), '"user_id": "u', [0xff, 0xfe]);
  const badMedia = insertBytes(mediaLine({ sid: "a", mid: "m", ts: TS }), '"media_id": "m', [0xc3]);
  const fffd = sessionLine({ sid: "c", user: "u\uFFFD", ts: TS });
  const file = Buffer.concat([bytes(good + "\n"), badUser, bytes("\n"), badMedia, bytes("\n" + fffd + "\n")]);
  const path = writeTemp("utf8.log", file);
  const r = await loadMetrics(path);
  assert.deepEqual(r.rows.map((x) => x.line), [1, 4]);
  assert.deepEqual(r.issues.map((i) => [i.line, i.severity, i.code, i.path]), [[2, "error", "invalid_utf8", "user_id"], [3, "error", "invalid_utf8", "media_id"]]);
  const kept = r.rows[1].row;
  assert.equal(kept.user_id, "u\uFFFD");
  for (const highWaterMark of [64, 1 << 20]) {
    const t = await loadTables(path, { highWaterMark, workers: 2 });
    assert.deepEqual(t.issues, r.issues);
  }
});

test("a line that is not UTF-8 and not JSON says both", async () => {
  const path = writeTemp("bad.log", Buffer.concat([Buffer.from([0x7b, 0xff, 0x0a])]));
  const r = await loadMetrics(path);
  assert.deepEqual(r.issues.map((i) => [i.line, i.code]), [[1, "invalid_json"]]);
  assert.match(r.issues[0].message, /not UTF-8/);
});
