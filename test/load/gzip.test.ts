import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { loadMetrics, loadTables, generateLog, type LoadIssue } from "../../src/index";
import { writeTemp } from "../helpers";

const lines = [...generateLog({ students: 30, seed: 3 }).lines].join("").split("\n").filter(Boolean);
const a = lines.slice(0, 100).join("\n") + "\n";
const b = lines.slice(100, 200).join("\n") + "\n";
const [ga, gb] = [gzipSync(a), gzipSync(b)];
const brief = (issues: LoadIssue[]) => issues.map((i) => [i.line, i.severity, i.code]);

/** Loads a file on both paths (small reads, so that members span many of them) and checks they agree. */
async function load(name: string, bytes: Buffer) {
  const path = writeTemp(name, bytes);
  const r = await loadMetrics(path, { highWaterMark: 1000 });
  const t = await loadTables(path, { highWaterMark: 3000, workers: 2 });
  assert.deepEqual(t.issues, r.issues, name);
  assert.equal(t.rows.session_report + t.rows.media_report, r.rows.length, name);
  return { path, r };
}

test("a .gz of several members (cat a.gz b.gz) is read whole, as gzip -d does", async () => {
  const { path, r } = await load("multi.log.gz", Buffer.concat([ga, gb]));
  assert.deepEqual(r.rows.map((x) => x.line), Array.from({ length: 200 }, (_, i) => i + 1));
  assert.deepEqual(r.issues, []);
  const gzip = spawnSync("gzip", ["-dc", path]); // the reference: gzip(1)
  assert.equal(gzip.status, 0);
  assert.equal(gzip.stdout.toString(), a + b);
});

test("trailing garbage after the last member is a warning at the line reached; every row is kept", async () => {
  const { r } = await load("garbage.log.gz", Buffer.concat([ga, gb, Buffer.from("not gzip at all")]));
  assert.equal(r.rows.length, 200);
  assert.deepEqual(brief(r.issues), [[201, "warning", "gzip_trailing_garbage"]]);
  assert.match(r.issues[0].message, new RegExp(`compressed offset ${ga.length + gb.length} on, after gzip member 2`));
});

test("a truncated .gz keeps the rows before the cut and reports the truncation at the line reached", async () => {
  const cut = Buffer.concat([ga, gb.subarray(0, gb.length - 2000)]);
  const { r } = await load("truncated.log.gz", cut);
  const reached = r.issues.find((i) => i.code === "gzip_truncated")!;
  assert.equal(reached.severity, "error");
  // The rows kept are exactly the whole lines of what gzip(1) decompresses the cut file to.
  const gzip = spawnSync("gzip", ["-dc"], { input: cut });
  assert.match(gzip.stderr.toString(), /unexpected end of file/);
  const whole = gzip.stdout.toString().split("\n").length - 1;
  assert.equal(r.rows.length, whole);
  assert.equal(reached.line, whole + 1);
  assert.ok(r.rows.length >= 100 && r.rows.length < 200);
  assert.deepEqual(r.rows.map((x) => x.line), Array.from({ length: r.rows.length }, (_, i) => i + 1));
});

test("a damaged member stops that file with gzip_corrupt; a multi-file run goes on with the next file", async () => {
  const bad = Buffer.concat([ga, gb]);
  for (let i = 0; i < 40; i++) bad[ga.length + 200 + i] ^= 0x5a;
  const badPath = writeTemp("bad.log.gz", bad);
  const goodPath = writeTemp("good.log", b);
  const trailerless = writeTemp("short.log.gz", Buffer.concat([ga, gb.subarray(0, gb.length - 8)]));
  const r = await loadMetrics([badPath, trailerless, goodPath]);
  const t = await loadTables([badPath, trailerless, goodPath], { workers: 2 });
  assert.deepEqual(t.issues, r.issues);
  const fileIssues = r.issues.filter((i) => i.code.startsWith("gzip_"));
  assert.deepEqual(fileIssues.map((i) => [i.file, i.code]), [[badPath, "gzip_corrupt"], [trailerless, "gzip_truncated"]]);
  assert.equal(fileIssues[0].line, 101); // member 1 read whole, member 2 damaged from its start
  assert.match(fileIssues[1].message, /trailer of member 2/);
  assert.equal(r.rows.filter((x) => x.file === badPath).length, 100);
  assert.equal(r.rows.filter((x) => x.file === trailerless).length, 200);
  assert.equal(r.rows.filter((x) => x.file === goodPath).length, 100);
});
