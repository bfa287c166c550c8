import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeCachePath, isFresh, writeCodeCache } from "../../src/io/cached-require";
import { writeTemp } from "../helpers";

const DIST = join(__dirname, "..", "..", "dist");

/** Loads `file` with the compiled `requireCached` in a node of its own (as the CLI starts): its exports and whether the cache was used. */
function loadInChild(file: string): { exports: unknown; cached: boolean } {
  const script = `const c = require(${JSON.stringify(join(DIST, "io", "cached-require.js"))}); const m = c.requireCached(${JSON.stringify(file)});
    process.stdout.write(JSON.stringify({ exports: { answer: m.answer, dir: m.dir, same: c.requireCached(${JSON.stringify(file)}) === m }, cached: c.loadedFromCache(${JSON.stringify(file)}) }));`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("requireCached loads a CommonJS file with its own module, require and __dirname, from its code cache once written", () => {
  const file = writeTemp("cached-module.js", `const { basename } = require("node:path"); module.exports = { answer: 6 * 7, dir: basename(__dirname) };\n`);
  const dir = file.split("/").slice(-2)[0];
  assert.deepEqual(loadInChild(file), { exports: { answer: 42, dir, same: true }, cached: false });
  assert.ok(writeCodeCache(file) > 0);
  assert.ok(existsSync(codeCachePath(file)));
  assert.deepEqual(loadInChild(file), { exports: { answer: 42, dir, same: true }, cached: true });
  // a cache V8 rejects (here: another file's bytes) only costs the compile
  writeFileSync(codeCachePath(file), Buffer.alloc(64, 7));
  assert.deepEqual(loadInChild(file), { exports: { answer: 42, dir, same: true }, cached: false });
});

test("the build leaves the CLI's bundle fresh, with a code cache that V8 accepts", () => {
  const bundle = join(DIST, "cli", "metrics-kit.bundle.js");
  assert.ok(isFresh(bundle, join(DIST, "cli", "main.js")), "dist/cli/metrics-kit.bundle.js is older than dist/cli/main.js: run `npm run build`");
  const script = `const c = require(${JSON.stringify(join(DIST, "io", "cached-require.js"))}); const m = c.requireCached(${JSON.stringify(bundle)});
    process.stdout.write(JSON.stringify({ main: typeof m.main, cached: c.loadedFromCache(${JSON.stringify(bundle)}) }));`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { main: "function", cached: true });
  assert.equal(isFresh(join(DIST, "no-such-file.js"), bundle), false);
});
