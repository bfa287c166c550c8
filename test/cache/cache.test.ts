import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { spawn, spawnSync } from "node:child_process";
import { loadTables, generateLog, cacheWrites, Column, type MetricsData, type MetricsTables } from "../../src/index";
import { tempDir } from "../helpers";

// Every case loads a log through the cache and compares with a load that bypasses it (`cache: false`): issues,
// line numbers, drift, the columns' values and the tables. Small chunks (4 kB) and two workers, so that a log of a
// few hundred lines crosses many chunks and both workers' dictionaries.
const small = { highWaterMark: 4096, workers: 2 };
/** A generated log with faults, ending with a newline (a torn last line is parsed on every load: tested apart). */
const text = (students: number, seed: number, faults = 0.05) => `${[...generateLog({ students, seed, faults }).lines].join("").replace(/\n?$/, "\n")}`;

function decoded(data: MetricsData): unknown {
  const plain = (v: unknown): unknown =>
    v instanceof Column ? Array.from(v) : v instanceof Map ? new Map([...v].map(([k, c]) => [k, plain(c)])) :
    v && typeof v === "object" && !ArrayBuffer.isView(v) && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, c]) => [k, plain(c)])) : v;
  return plain(data);
}

function assertSame(cached: MetricsTables, fresh: MetricsTables): void {
  assert.equal(JSON.stringify(cached.issues), JSON.stringify(fresh.issues), "the same issues, their keys in the same order");
  assert.deepEqual(cached.drift, fresh.drift);
  assert.deepEqual(cached.rows, fresh.rows);
  assert.deepEqual(decoded(cached.data), decoded(fresh.data));
  assert.deepEqual(cached.joined.objects(), fresh.joined.objects());
  assert.deepEqual(cached.media.objects(), fresh.media.objects());
  assert.deepEqual(cached.orphans.objects(), fresh.orphans.objects());
}

/** Loads with the cache in `dir` and without it, checks they agree, and returns how many lines came from the cache and how many were parsed. */
async function check(files: string | string[], dir: string): Promise<{ cached: number; parsed: number; tables: MetricsTables }> {
  const list = typeof files === "string" ? [files] : files;
  const tables = await loadTables(list, { ...small, cacheDir: dir });
  await cacheWrites();
  assertSame(tables, await loadTables(list, { ...small, cache: false }));
  return { cached: tables.read!.cachedLines, parsed: tables.read!.parsedLines, tables };
}

function setup(body: string, name = "metrics.log") {
  const root = tempDir();
  const log = join(root, name);
  writeFileSync(log, body);
  return { log, cache: join(root, "cache"), root };
}

test("an unchanged log is replayed from the cache, whole, with the same issues, lines and tables", async () => {
  const { log, cache } = setup(text(60, 3));
  const first = await check(log, cache);
  assert.ok(first.tables.issues.some((i) => i.severity === "error"), "the log has faults");
  const again = await check(log, cache);
  assert.equal(again.parsed, 0);
  assert.equal(again.cached, text(60, 3).split("\n").length - 1, "every line from the snapshot");
  assert.deepEqual(readdirSync(join(log, "..")).sort(), ["cache", "metrics.log"], "nothing written beside the log");
});

test("a grown log parses only its new bytes; a torn last line is parsed each time until an append completes it", async () => {
  const lines = text(60, 4).split("\n");
  const half = Math.floor(lines.length / 2);
  const torn = lines[half].slice(0, 40);
  const { log, cache } = setup(lines.slice(0, half).join("\n") + "\n" + torn);
  const first = await check(log, cache);
  assert.ok(first.tables.issues.some((i) => i.code === "torn_line" && i.line === half + 1));
  const unchanged = await check(log, cache);
  assert.equal(unchanged.parsed, 1, "only the torn line is parsed again");
  assert.equal(unchanged.cached, half);
  appendFileSync(log, lines[half].slice(40) + "\n" + lines.slice(half + 1).join("\n"));
  const grown = await check(log, cache);
  assert.ok(grown.cached > 5 && grown.parsed > 0 && grown.parsed < grown.cached + grown.parsed);
  assert.ok(!grown.tables.issues.some((i) => i.code === "torn_line" && i.line === half + 1), "the completed line is a row");
  assert.equal(Math.max(...grown.tables.data.reports.line), Math.max(...(await loadTables(log, { cache: false })).data.reports.line));
  const last = await check(log, cache);
  assert.equal(last.parsed, 0);
});

test("small appends go to segments after the snapshot, each parsed once; past a quarter of it or 8 segments the snapshot is taken again", async () => {
  const lines = text(120, 13).split("\n").filter((l) => l.length > 0);
  const start = Math.floor(lines.length * 0.6);
  const { log, cache } = setup(lines.slice(0, start).join("\n") + "\n");
  await check(log, cache);
  const snapshots = () => readdirSync(cache).filter((n) => n.endsWith(".snap"));
  const first = snapshots();
  assert.equal(first.length, 1);
  let at = start;
  for (let k = 1; k <= 9; k++) {
    appendFileSync(log, lines.slice(at, at + 3).join("\n") + "\n");
    at += 3;
    const grown = await check(log, cache);
    assert.equal(grown.parsed, 3, `append ${k}: only its 3 lines are parsed`);
    assert.equal(grown.cached, at - 3);
    const segs = readdirSync(cache).filter((n) => n.endsWith(".seg")).length;
    if (k <= 8) assert.deepEqual([snapshots(), segs], [first, k], `append ${k}: a segment more`);
    else assert.deepEqual([snapshots().length, snapshots()[0] !== first[0], segs], [1, true, 0], "the 9th append: one new snapshot, no segments");
  }
  appendFileSync(log, lines.slice(at).join("\n") + "\n");
  const big = await check(log, cache);
  assert.ok(big.parsed > big.cached / 4, "a large append");
  assert.equal((await check(log, cache)).parsed, 0, "then all from the new snapshot");
  assert.equal(readdirSync(cache).filter((n) => n.endsWith(".seg")).length, 0);
});

test("a truncated log is parsed afresh", async () => {
  const body = text(60, 5);
  const { log, cache } = setup(body);
  await check(log, cache);
  truncateSync(log, Math.floor(body.length / 3));
  const cut = await check(log, cache);
  assert.equal(cut.cached, 0);
  truncateSync(log, body.lastIndexOf("\n", Math.floor(body.length / 4)) + 1);
  assert.equal((await check(log, cache)).cached, 0);
});

test("a rotated log (metrics.log → metrics.log.1, a new metrics.log) is told apart from its successor", async () => {
  const { log, cache, root } = setup(text(50, 6));
  await check(log, cache);
  renameSync(log, join(root, "metrics.log.1"));
  const next = text(50, 7);
  writeFileSync(log, next.slice(0, next.indexOf("\n", 30000) + 1));
  const both = await check([join(root, "metrics.log.1"), log], cache);
  assert.ok(both.parsed > 0);
  const again = await check([join(root, "metrics.log.1"), log], cache);
  assert.equal(again.parsed, 0);
});

test("a log edited in the middle is parsed afresh: in place (same size, new mtime) or moving the bytes after it", async () => {
  const body = text(60, 8);
  const { log, cache } = setup(body);
  await check(log, cache);
  const at = body.indexOf('"overall_score": ', body.length / 2) + '"overall_score": '.length;
  const digit = body[at] === "9" ? "8" : "9";
  writeFileSync(log, body.slice(0, at) + digit + body.slice(at + 1));
  utimesSync(log, new Date(), new Date(Date.now() + 5000));
  assert.equal(statSync(log).size, Buffer.byteLength(body));
  assert.equal((await check(log, cache)).cached, 0);
  const edited = readFileSync(log, "utf8");
  const insertAt = edited.indexOf("\n", edited.length / 3) + 1;
  writeFileSync(log, edited.slice(0, insertAt) + "not json\n" + edited.slice(insertAt) + text(5, 9));
  const moved = await check(log, cache);
  assert.equal(moved.cached, 0);
  assert.ok(moved.tables.issues.some((i) => i.code === "invalid_json" && i.message.length > 0));
});

test("a corrupt or foreign cache file is ignored and rebuilt; other files in the cache folder are left alone", async () => {
  const { log, cache } = setup(text(60, 10));
  await check(log, cache);
  writeFileSync(join(cache, "notes.txt"), "mine");
  // The newest snapshot: the one the index names (one of an index that could not be read stays until the LRU drops it).
  const segment = () => readdirSync(cache).filter((n) => n.endsWith(".snap")).sort((a, b) => statSync(join(cache, b)).mtimeMs - statSync(join(cache, a)).mtimeMs)[0];
  const damage = (name: string, f: (b: Buffer) => Buffer) => writeFileSync(join(cache, name), f(readFileSync(join(cache, name))));
  damage(segment(), (b) => {
    b[Math.floor(b.length / 2)] ^= 0xff;
    return b;
  });
  assert.equal((await check(log, cache)).cached, 0, "a flipped byte");
  assert.equal((await check(log, cache)).parsed, 0, "rebuilt");
  damage(segment(), (b) => b.subarray(0, b.length - 9));
  assert.equal((await check(log, cache)).cached, 0, "a truncated snapshot");
  const index = readdirSync(cache).find((n) => n.endsWith(".idx"))!;
  damage(index, () => Buffer.from("IMKCACHE garbage"));
  assert.equal((await check(log, cache)).cached, 0, "a foreign index");
  damage(segment(), () => Buffer.from("foreign"));
  assert.equal((await check(log, cache)).cached, 0, "a foreign snapshot");
  assert.equal((await check(log, cache)).parsed, 0, "rebuilt");
  assert.equal(readFileSync(join(cache, "notes.txt"), "utf8"), "mine");
});

test("a .gz log is cached by content: a renamed copy is replayed", async () => {
  const { log, cache, root } = setup("");
  writeFileSync(log + ".2.gz", gzipSync(text(40, 11)));
  await check(log + ".2.gz", cache);
  renameSync(log + ".2.gz", join(root, "old.gz"));
  const renamed = await check(join(root, "old.gz"), cache);
  assert.equal(renamed.parsed, 0);
  assert.ok(renamed.cached > 0);
});

test("the cache stays within its bound: the least recently used log's files go first", async () => {
  const root = tempDir();
  const cache = join(root, "cache");
  const logs = [0, 1].map((k) => {
    const p = join(root, `${k}.log`);
    writeFileSync(p, text(40, 20 + k));
    return p;
  });
  const bytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  // What the newer log's cache takes alone: the bound holds it, but not both logs' caches.
  const alone = join(root, "alone");
  await loadTables(logs[1], { ...small, cacheDir: alone });
  await cacheWrites();
  const bound = bytes(alone) + 100;
  await loadTables(logs[0], { ...small, cacheDir: cache });
  await cacheWrites();
  assert.ok(bytes(cache) > 100, "the older log's cache is larger than the slack");
  await loadTables(logs[1], { ...small, cacheDir: cache, cacheMaxBytes: bound });
  await cacheWrites();
  const total = bytes(cache);
  assert.ok(total <= bound, `${total} bytes left`);
  assert.equal((await check(logs[1], cache)).parsed, 0, "the newer log stays cached");
  assert.ok((await check(logs[0], cache)).parsed > 0, "the least recently used log was evicted");
});

test("two processes loading at once through one cache folder both get the uncached result", async () => {
  const { log, cache } = setup(text(80, 12));
  const dist = join(__dirname, "..", "..", "dist");
  // The children run the built kit: its parser identity (a hash of dist/) differs from this test's (src/), so the
  // children share a cache with each other only.
  const script = `const { loadTables } = require(${JSON.stringify(join(dist, "index.js"))});
const options = { highWaterMark: 4096, workers: 1, cacheDir: ${JSON.stringify(cache)} };
(async () => {
  const t = await loadTables(${JSON.stringify(log)}, options);
  process.stdout.write(JSON.stringify({ issues: t.issues, joined: t.joined.objects(), parsed: t.read.parsedLines }));
})();`;
  const runOne = (count = false) => new Promise<{ issues: unknown; joined: unknown; parsed: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script, count ? "count" : "load"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${code}`))));
  });
  const fresh = await loadTables(log, { cache: false });
  const expected = JSON.parse(JSON.stringify({ issues: fresh.issues, joined: fresh.joined.objects() }));
  for (let round = 0; round < 2; round++) {
    for (const { issues, joined } of await Promise.all([runOne(), runOne()])) assert.deepEqual({ issues, joined }, expected);
  }
  const last = await runOne(true);
  assert.deepEqual({ issues: last.issues, joined: last.joined }, expected);
  assert.equal(last.parsed, 0, "the cache they left is whole");
});

test("a cache write killed midway leaves only a temporary file, which the next load removes; its result is the uncached one", async () => {
  const { log, cache } = setup(text(40, 14));
  await check(log, cache);
  // The temporary file a writer killed by a signal leaves: named by its destination and its (now gone) process id.
  const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
  const snap = readdirSync(cache).find((n) => n.endsWith(".snap"))!;
  const stale = join(cache, `.${snap.replace(/\.[0-9a-f]{10}\.snap$/, ".0123456789.snap")}.metrics-kit-${dead}-abcdef0123.tmp`);
  writeFileSync(stale, readFileSync(join(cache, snap)).subarray(0, 100));
  appendFileSync(log, text(40, 15));
  await check(log, cache);
  assert.ok(!existsSync(stale), "the killed writer's temporary file is gone");
  assert.equal((await check(log, cache)).parsed, 0);
});
