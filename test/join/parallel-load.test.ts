import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { loadTables, readMetrics, createCollector, generateLog, MetricsLoadError, Column, type LoadIssue, type MetricsData } from "../../src/index";
import { writeTemp } from "../helpers";

// loadTables parses on worker threads; these tests make the chunks small (a few kB) so that a log of a few
// hundred lines crosses many chunks and both workers, and compare with the calling thread and with the row API.

const text = (students: number, seed: number, faults = 0) => [...generateLog({ students, seed, faults }).lines].join("");
const small = { highWaterMark: 4096 };

async function rowByRow(path: string | string[]) {
  const c = createCollector();
  const issues: LoadIssue[] = [];
  for await (const r of readMetrics(path, { onIssue: (i) => issues.push(i) })) c.add(r);
  return { data: c.data, issues };
}

/** Every column as plain values: loads that cut the log into different chunks code strings differently, not values. */
function decoded(data: MetricsData): unknown {
  const plain = (v: unknown): unknown =>
    v instanceof Column ? Array.from(v) : v instanceof Map ? new Map([...v].map(([k, c]) => [k, plain(c)])) :
    v && typeof v === "object" && !ArrayBuffer.isView(v) && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, c]) => [k, plain(c)])) : v;
  return plain(data);
}

test("workers give exactly the calling thread's and the row API's data, issues and drift (faults, re-reports, guests)", async () => {
  const path = writeTemp("faults.log", text(80, 21, 0.05));
  const drifts = [new Map(), new Map()];
  const parallel = await loadTables(path, { ...small, workers: 2, drift: drifts[0] });
  const inline = await loadTables(path, { ...small, workers: 0, drift: drifts[1] });
  const rows = await rowByRow(path);
  assert.ok(parallel.issues.some((i) => i.severity === "error"), "the log has faults");
  assert.ok(parallel.rows.session_report > 100);
  assert.deepEqual(parallel.issues, inline.issues);
  assert.deepEqual(parallel.issues, rows.issues);
  assert.deepEqual(decoded(parallel.data), decoded(inline.data));
  assert.deepEqual(decoded(parallel.data), decoded(rows.data));
  assert.deepEqual(drifts[0], drifts[1]);
  assert.deepEqual(parallel.joined.objects(), inline.joined.objects());
  assert.deepEqual(parallel.orphans.objects(), inline.orphans.objects());
  assert.deepEqual(parallel.mediaPerSession.objects(), inline.mediaPerSession.objects());
});

test("line numbers run on across chunks and restart per file; gzip, CRLF and a BOM on the worker path", async () => {
  const body = text(30, 5, 0.05);
  const a = writeTemp("a.log", "\ufeff" + body.replace(/\n/g, "\r\n"));
  const b = writeTemp("b.log.gz", gzipSync(body));
  const both = await loadTables([a, b], { ...small, workers: 2 });
  const each = [await loadTables(a, { workers: 0 }), await loadTables(b, { workers: 0 })];
  assert.deepEqual(both.issues, [...each[0].issues, ...each[1].issues]);
  assert.equal(both.rows.media_report, each[0].rows.media_report + each[1].rows.media_report);
  const lines = both.data.reports.line;
  assert.equal(Math.max(...lines), body.split("\n").length - 1);
  assert.deepEqual(new Set(both.data.reports.file), new Set([a, b]));
});

test("strict mode stops at the first bad line, wherever a worker found it", async () => {
  const lines = text(40, 8).split("\n");
  const bad = 200;
  lines[bad - 1] = lines[bad - 1].replace('"ts": "', '"ts": 5, "x": "');
  const path = writeTemp("strict.log", lines.join("\n"));
  await assert.rejects(loadTables(path, { ...small, workers: 2, strict: true }), (e: unknown) => {
    assert.ok(e instanceof MetricsLoadError);
    assert.equal(e.issue.line, bad);
    assert.equal(e.issue.path, "ts");
    return true;
  });
});

test("hostile lines give the same issues and data on workers, on the calling thread and through the row API", async () => {
  const lines = text(40, 13).split("\n").filter(Boolean);
  const parts: Buffer[] = [];
  lines.forEach((l, i) => {
    const k = i % 9;
    if (k === 1) parts.push(Buffer.from("x".repeat(3000))); // over maxLineBytes below
    else if (k === 2) parts.push(Buffer.from("\u0000".repeat(5000) + l)); // NUL padding, longer than the bound, then a row
    else if (k === 3) parts.push(Buffer.from(l.slice(0, 50) + l)); // a torn fragment, then a row
    else if (k === 4) parts.push(Buffer.concat([Buffer.from(l.slice(0, 30)), Buffer.from([0xff]), Buffer.from(l.slice(30))])); // not UTF-8
    else if (k === 5) parts.push(Buffer.from(l.replace(/"score": [0-9.]+/, '"score": 250'))); // out of range
    else parts.push(Buffer.from(l));
    parts.push(Buffer.from("\n"));
  });
  const body = Buffer.concat(parts);
  const plain = writeTemp("hostile.log", body);
  const half = body.length >> 1;
  const gz = writeTemp("hostile.log.gz", Buffer.concat([gzipSync(body.subarray(0, half)), gzipSync(body.subarray(half)).subarray(0, -500)]));
  const options = { highWaterMark: 1500, maxLineBytes: 2048 };
  for (const path of [plain, gz]) {
    const parallel = await loadTables(path, { ...options, workers: 2 });
    const inline = await loadTables(path, { ...options, workers: 0 });
    const c = createCollector();
    const issues: LoadIssue[] = [];
    for await (const r of readMetrics(path, { ...options, onIssue: (i) => issues.push(i) })) c.add(r);
    const codes = new Set(parallel.issues.map((i) => i.code));
    for (const code of ["line_too_long", "torn_fragment", "invalid_utf8", "out_of_range"]) assert.ok(codes.has(code as LoadIssue["code"]), `${path}: ${code}`);
    assert.equal(codes.has("gzip_truncated"), path === gz);
    assert.deepEqual(parallel.issues, inline.issues);
    assert.deepEqual(parallel.issues, issues);
    assert.deepEqual(decoded(parallel.data), decoded(inline.data));
    assert.deepEqual(decoded(parallel.data), decoded(c.data));
  }
});
