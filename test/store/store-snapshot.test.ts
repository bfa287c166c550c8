import { test } from "node:test";
import assert from "node:assert/strict";
import { Column, StoreAssembler, takeSnapshot, restoreSnapshot, type MetricsData } from "../../src/index";
import { parseChunks } from "../../src/load/parse-chunks";
import type { ParsedChunk } from "../../src/load/parse-chunk";

const LOG = "data/sample/metrics.log";

/** Every column's values as plain arrays, the maps as maps: what two loads must agree on. */
function decoded(data: MetricsData): unknown {
  const plain = (v: unknown): unknown =>
    v instanceof Column ? Array.from(v) : v instanceof Map ? new Map([...v].map(([k, c]) => [k, plain(c)])) :
    v && typeof v === "object" && !ArrayBuffer.isView(v) && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, c]) => [k, plain(c)])) : v;
  return plain(data);
}

/** The chunks of a run of `parseChunks` from byte `start`, their line numbers after `lineBase`. */
async function chunksOf(file: string, start = 0, lineBase = 0): Promise<{ parsed: ParsedChunk; lineBase: number; end: number }[]> {
  const out = [];
  for await (const c of parseChunks([file], { highWaterMark: 16384, workers: 2, start })) out.push({ parsed: c.parsed, lineBase: c.lineBase + lineBase, end: c.end });
  return out;
}

test("a snapshot restores the data it was taken of, every column and count", async () => {
  const chunks = await chunksOf(LOG);
  assert.ok(chunks.length > 10, `${chunks.length} chunks`);
  const a = StoreAssembler.create();
  for (const c of chunks) a.append(c.parsed.columns, LOG, c.lineBase);
  const data = a.finish();
  assert.ok(data.reports.ts.length > 300 && data.media.ts.length > 300);
  const restored = restoreSnapshot(structuredClone(takeSnapshot(data)), LOG);
  assert.deepEqual(decoded(restored), decoded(data));
});

test("an assembler resumed from a snapshot and given the rest equals one that read everything", async () => {
  const chunks = await chunksOf(LOG);
  const whole = StoreAssembler.create();
  for (const c of chunks) whole.append(c.parsed.columns, LOG, c.lineBase);
  for (const cut of [1, Math.floor(chunks.length / 3), chunks.length - 1]) {
    const first = StoreAssembler.create();
    for (const c of chunks.slice(0, cut)) first.append(c.parsed.columns, LOG, c.lineBase);
    const resumed = StoreAssembler.resume(restoreSnapshot(structuredClone(takeSnapshot(first.finish())), LOG), LOG);
    // What the cache does with a log that grew: the bytes after the snapshot parsed by a run of their own.
    for (const c of await chunksOf(LOG, chunks[cut - 1].end, chunks[cut].lineBase)) resumed.append(c.parsed.columns, LOG, c.lineBase);
    assert.deepEqual(decoded(resumed.finish()), decoded(whole.finish()), `cut after ${cut} chunks`);
  }
});

test("a snapshot that does not hold together is refused", async () => {
  const chunks = await chunksOf(LOG);
  const a = StoreAssembler.create();
  for (const c of chunks.slice(0, 3)) a.append(c.parsed.columns, LOG, c.lineBase);
  const s = takeSnapshot(a.finish());
  const shortArray = { ...s, arrays: s.arrays.map((x, k) => (k === 0 ? x.subarray(1) : x)) };
  assert.throws(() => restoreSnapshot(shortArray, LOG), /array 0 is not as described/);
  assert.throws(() => restoreSnapshot({ ...s, arrays: s.arrays.slice(1) }, LOG), /arrays missing/);
});
