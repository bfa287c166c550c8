import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { packColumn, unpackColumn, bytesToBase64, base64ToBytes, encodeScoringInput, decodeScoringInput, loadTables, scoringInput, defaultRules } from "../../src/index";

const SAMPLE = join(__dirname, "..", "..", "data", "sample", "metrics.log");

test("packColumn picks the smallest exact kind and gives every value back", () => {
  const cases: [number[], string, number][] = [
    [[0, 3, 254, NaN], "u8", 0],
    [[57.5, 84, 50, NaN, 0.1, 100], "u16", 1],
    [[0.0417, 0.2, NaN], "u16", 4],
    [[0.04175, 1], "u32", 5],
    [[-3, 2 ** 30], "i32", 0],
    [[0.5, -0.25, NaN], "f32", 0],
    [[Math.PI, NaN, -1e300], "f64", 0],
    [[], "u8", 0],
  ];
  for (const [values, kind, scale] of cases) {
    const c = packColumn(values);
    assert.deepEqual([c.kind, c.scale], [kind, scale], JSON.stringify(values));
    assert.deepEqual(Array.from(unpackColumn(JSON.parse(JSON.stringify(c)))), values, `${c.kind}/${c.scale}`);
  }
  // lossy: millionths for values in [0, 4294), else what Math.fround keeps
  assert.deepEqual(Array.from(unpackColumn(packColumn([Math.PI, NaN, 50 + 1 / 3], { lossy: true }))), [3.141593, NaN, 50.333333]);
  assert.deepEqual(Array.from(unpackColumn(packColumn([-Math.PI, NaN], { lossy: true }))), [Math.fround(-Math.PI), NaN]);
  // Uint16 tenths: 2 bytes a value, base64 of 4 values = 8 characters
  assert.equal(packColumn([1.5, 2.5, 3.5, 4.5]).base64.length, 12);
});

test("base64 matches Node's Buffer encoding, across slice boundaries and paddings", () => {
  for (const n of [0, 1, 2, 3, 4, 5, 12287, 12288, 12289, 40000]) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 255);
    const ours = bytesToBase64(bytes);
    assert.equal(ours, Buffer.from(bytes).toString("base64"), `n = ${n}`);
    assert.deepEqual(base64ToBytes(ours), bytes);
  }
});

test("a scoring input survives encodeScoringInput → JSON → decodeScoringInput (media means to 6 decimals)", async () => {
  const t = await loadTables(SAMPLE);
  const input = scoringInput(t.joined, t.dimensions, defaultRules());
  const json = encodeScoringInput(input);
  const back = decodeScoringInput(JSON.parse(JSON.stringify(json)));
  assert.deepEqual(back.session_id, input.session_id);
  input.scores.forEach((c, d) => assert.deepEqual(back.scores[d], c));
  assert.deepEqual(back.avg_answer_len, input.avg_answer_len);
  assert.deepEqual(back.filler_ratio, input.filler_ratio);
  assert.deepEqual(back.log, input.log);
  // media means (all ≥ 0 here): exact when a scaled integer holds them, else to the nearest millionth
  for (const [f, c] of Object.entries(input.media)) {
    c.forEach((v, i) => assert.ok(Number.isNaN(v) ? Number.isNaN(back.media[f][i]) : Math.abs(back.media[f][i] - v) <= 5e-7 + 1e-12, `${f}[${i}]`));
  }
  assert.equal(json.scores[0].kind, "u16", "scores with one decimal are Uint16 tenths");
  assert.equal(json.log.strength.kind, "u8", "tag masks are bytes");
});
