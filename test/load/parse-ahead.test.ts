import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAhead } from "../../src/load/parse-ahead";
import { parseChunks, type LocatedChunk } from "../../src/load/parse-chunks";
import { StoreAssembler } from "../../src/store/store-assembler";
import { sessionLine, mediaLine, tempDir } from "../helpers";

/** What a run of chunks gives, decoded: their extents, lines and issues, and the rows they assemble to. */
function decoded(chunks: readonly LocatedChunk[]) {
  const assembler = StoreAssembler.create();
  for (const c of chunks) assembler.append(c.parsed.columns, c.file, c.lineBase);
  const data = assembler.finish();
  return {
    chunks: chunks.map((c) => [c.file, c.lineBase, c.end, c.torn, c.parsed.lines, c.parsed.issues, [...c.parsed.drift]]),
    sessions: data.sessionIds, users: [...data.reports.user_id], lines: [...data.reports.line, ...data.media.line], scores: [...data.reports.overall_score],
  };
}

test("parseAhead parses a range of a file on a worker into the chunks parseChunks gives for it, a torn last line and bad lines included", async () => {
  const dir = tempDir();
  const file = join(dir, "m.log");
  const lines = Array.from({ length: 60 }, (_, i) =>
    i % 7 === 3 ? "{not json" : i % 2 ? mediaLine({ sid: `s${i}`, mid: `m${i}`, user: `u${i % 5}`, ts: "2025-11-03T10:01:00" }) : sessionLine({ sid: `s${i}`, user: `u${i % 5}`, ts: "2025-11-03T10:00:00" }));
  const head = `${lines.slice(0, 20).join("\n")}\n`;
  writeFileSync(file, `${head}${lines.slice(20).join("\n")}\n${sessionLine({ sid: "torn", user: "u1", ts: "2025-11-03T10:00:00" }).slice(0, 40)}`);
  const range = { start: Buffer.byteLength(head), end: statSync(file).size, highWaterMark: 4096 };
  const expected: LocatedChunk[] = [];
  for await (const c of parseChunks([file], { ...range, workers: 0 })) expected.push(c);
  const got = await parseAhead(file, range).result();
  assert.ok(got && got.length > 3 && got.at(-1)!.torn);
  assert.ok(got.some((c) => c.parsed.issues.length > 0));
  assert.deepEqual(decoded(got), decoded(expected));
});

test("parseAhead gives undefined when the file cannot be read or the parse is cancelled", async () => {
  const dir = tempDir();
  assert.equal(await parseAhead(join(dir, "missing.log"), { start: 0, end: 100 }).result(), undefined);
  const file = join(dir, "m.log");
  writeFileSync(file, `${Array.from({ length: 2000 }, (_, i) => sessionLine({ sid: `s${i}`, user: "u1", ts: "2025-11-03T10:00:00" })).join("\n")}\n`);
  const ahead = parseAhead(file, { start: 0, end: statSync(file).size, highWaterMark: 4096 });
  ahead.cancel();
  assert.equal(await ahead.result(), undefined);
});
