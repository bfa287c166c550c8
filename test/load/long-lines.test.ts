import { test } from "node:test";
import assert from "node:assert/strict";
import { openSync, writeSync, closeSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadMetrics, loadTables, type LoadIssue } from "../../src/index";
import { LineSplitter } from "../../src/load/line-splitter";
import { writeTemp, tempDir, sessionLine, mediaLine } from "../helpers";

const TS = "2025-11-03T12:24:13.482113";
const row = (i: number) => (i % 2 ? mediaLine({ sid: `s${i}`, mid: `m${i}`, ts: TS }) : sessionLine({ sid: `s${i}`, ts: TS }));
const brief = (issues: LoadIssue[]) => issues.map((i) => [i.line, i.severity, i.code]);

test("the splitter keeps only a long line's last bytes and says how long it was", () => {
  const s = new LineSplitter("a.log", 8);
  const first = s.push(Buffer.from("{}\nxxxxxxxxxxxx"))!;
  assert.equal(Buffer.from(first.bytes).toString(), "{}\n");
  assert.equal(s.push(Buffer.from("yyyy")), undefined);
  const second = s.push(Buffer.from("zz\nok\n"))!;
  // 12 + 4 + 2 = 18 bytes: the chunk holds the last 8, and says 18.
  assert.equal(Buffer.from(second.bytes).toString(), "xxyyyyzz\nok\n");
  assert.deepEqual(second.long, [{ index: 0, bytes: 18, limit: 8 }]);
  // A read larger than the bound: its long lines are found inside it.
  const t = new LineSplitter("b.log", 4);
  const c = t.push(Buffer.from("ab\n0123456789\ncd\n"))!;
  assert.equal(Buffer.from(c.bytes).toString(), "ab\n6789\ncd\n");
  assert.deepEqual(c.long, [{ index: 1, bytes: 10, limit: 4 }]);
  assert.equal(t.end(), undefined);
});

test("a line over maxLineBytes is reported with its number and everything around it loads, on both paths", async () => {
  const lines = [row(0), row(1), "x".repeat(5000), row(2), "\u0000".repeat(3000), row(3), "y".repeat(4000)];
  const path = writeTemp("long.log", lines.join("\n"));
  for (const highWaterMark of [512, 4096, 1 << 16]) {
    const r = await loadMetrics(path, { maxLineBytes: 2048, highWaterMark });
    assert.deepEqual(r.rows.map((x) => x.line), [1, 2, 4, 6], `highWaterMark ${highWaterMark}`);
    assert.deepEqual(brief(r.issues), [[3, "error", "line_too_long"], [5, "error", "line_too_long"], [7, "error", "line_too_long"]]);
    assert.match(r.issues[0].message, /5000 bytes, over the bound of 2048/);
    const t = await loadTables(path, { maxLineBytes: 2048, highWaterMark, workers: 2 });
    assert.deepEqual(t.issues, r.issues);
    assert.equal(t.rows.session_report + t.rows.media_report, 4);
  }
});

test("a row after NUL padding on the same line is recovered, even when the padding is longer than the bound", async () => {
  const lines = [row(0), "\u0000".repeat(100) + row(1), "\u0000".repeat(10_000) + row(2), row(3)];
  const path = writeTemp("nul.log", lines.join("\n") + "\n");
  const r = await loadMetrics(path, { maxLineBytes: 4096, highWaterMark: 1024 });
  assert.deepEqual(r.rows.map((x) => x.line), [1, 2, 3, 4]);
  assert.deepEqual(brief(r.issues), [[2, "warning", "torn_fragment"], [3, "warning", "torn_fragment"]]);
  assert.match(r.issues[0].message, /first 100 characters are NUL padding/);
  assert.match(r.issues[1].message, /its first 10000 are not part of the row/);
  const t = await loadTables(path, { maxLineBytes: 4096, highWaterMark: 1024, workers: 2 });
  assert.deepEqual(t.issues, r.issues);
});

test("600 MB of NUL bytes between 40 good rows: read in linear time, every row kept", async () => {
  const path = join(tempDir(), "nul-600mb.log");
  const fd = openSync(path, "w");
  for (let i = 0; i < 20; i++) writeSync(fd, row(i) + "\n");
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < 600; i++) writeSync(fd, block);
  writeSync(fd, "\n");
  for (let i = 20; i < 40; i++) writeSync(fd, row(i) + "\n");
  closeSync(fd);
  const started = Date.now();
  const t = await loadTables(path);
  const seconds = (Date.now() - started) / 1000;
  rmSync(path);
  assert.equal(t.rows.session_report + t.rows.media_report, 40);
  assert.deepEqual(brief(t.issues), [[21, "error", "line_too_long"]]);
  assert.match(t.issues[0].message, /629145600 bytes/);
  assert.ok(seconds < 20, `took ${seconds} s`); // 127 s and a crash before; ~1 s measured
});
