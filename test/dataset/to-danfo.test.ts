import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../helpers";

// toDanfo runs against the real danfojs, an optional peer dependency the kit never installs: the test installs it
// (from the npm registry, once, into build/danfojs/, kept like the bench's log) when the project does not have it,
// and runs the kit in a child process that finds it there (NODE_PATH). Its absence, and a danfojs that fails to
// load, are real module folders too.
const root = join(__dirname, "..", "..");
const DANFOJS = "1.2.0";
const place = join(root, "build", "danfojs");
const sample = join(root, "data", "sample", "metrics.log");

/** A node_modules folder that holds danfojs: the project's own, else build/danfojs's (installed there if need be). */
function danfojsModules(): string {
  const own = spawnSync(process.execPath, ["-e", "require.resolve('danfojs')"], { cwd: root });
  if (own.status === 0) return join(root, "node_modules");
  const modules = join(place, "node_modules");
  if (existsSync(join(modules, "danfojs", "package.json"))) return modules;
  mkdirSync(place, { recursive: true });
  // danfojs 1.2.0 names xlsx by a URL outside the npm registry: npm's own xlsx stands in (the override).
  writeFileSync(join(place, "package.json"), JSON.stringify({ name: "danfojs-for-tests", private: true, dependencies: { danfojs: DANFOJS }, overrides: { xlsx: "0.18.5" } }));
  const command = `npm install --prefix ${place} --ignore-scripts --no-audit --no-fund`;
  const r = spawnSync("npm", ["install", "--prefix", place, "--ignore-scripts", "--no-audit", "--no-fund"], { encoding: "utf8", timeout: 300_000 });
  assert.equal(r.status, 0, `installing danfojs for this test failed (${command}): ${r.stderr}`);
  return modules;
}

/** Runs `script` (with `kit` = dist/index.js and `sample`) in node with `NODE_PATH`; its stdout parsed as JSON. */
function inChild(script: string, nodePath: string): { status: number | null; out: unknown; stderr: string } {
  const code = `const kit = require(${JSON.stringify(join(root, "dist", "index.js"))}); const sample = ${JSON.stringify(sample)};
(async () => { ${script} })().catch((e) => { process.stdout.write(JSON.stringify({ error: e.name, message: e.message })); });`;
  const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", cwd: tempDir(), env: { ...process.env, NODE_PATH: nodePath } });
  return { status: r.status, out: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
}

test("toDanfo: a danfojs DataFrame of a kit table, every column and value as the table holds it, lists as JSON", () => {
  const r = inChild(`
    const t = await kit.loadTables(sample, { cache: false });
    const small = t.sessions.select("session_id", "ts", "overall_score", "strength_tags").slice(0, 7);
    const df = kit.toDanfo(small);
    const col = (n) => Array.from(df.column(n).values);
    const expected = (n) => Array.from(small.array(n));
    process.stdout.write(JSON.stringify({
      shape: df.shape, columns: df.columns,
      ids: [col("session_id"), expected("session_id")],
      scores: [col("overall_score"), expected("overall_score")],
      ts: [col("ts").map((d) => d === null ? null : d.toISOString()), expected("ts").map((d) => d === null ? null : d.toISOString())],
      tags: [col("strength_tags"), expected("strength_tags").map((v) => v == null ? null : JSON.stringify(v))],
      mean: [df.column("overall_score").mean(), expected("overall_score").reduce((a, b) => a + b, 0) / 7],
    }));`, danfojsModules());
  assert.equal(r.status, 0, r.stderr);
  const o = r.out as Record<string, [unknown, unknown]> & { shape: number[]; columns: string[]; mean: [number, number] };
  assert.deepEqual(o.shape, [7, 4]);
  assert.deepEqual(o.columns, ["session_id", "ts", "overall_score", "strength_tags"]);
  for (const k of ["ids", "scores", "ts", "tags"]) assert.deepEqual(o[k][0], o[k][1], k);
  assert.ok((o.tags[0] as unknown[]).some((v) => typeof v === "string" && v.startsWith("[")), "some session has strength tags");
  assert.ok(Math.abs(o.mean[0] - o.mean[1]) < 1e-9);
});

test("toDanfo: columns named constructor or toString are columns of the frame (danfojs reads an object's constructor)", () => {
  // (arquero 7.2.1 itself cannot hold a column named __proto__; the kit's dimension columns carry a prefix.)
  const r = inChild(`
    const aq = require(require.resolve("arquero", { paths: [${JSON.stringify(root)}] }));
    const df = kit.toDanfo(aq.table(new Map([["constructor", ["a", "b"]], ["toString", [1, 2]], ["x", [3, 4]]])));
    process.stdout.write(JSON.stringify({ columns: df.columns, values: df.columns.map((c) => Array.from(df.column(c).values)) }));`, danfojsModules());
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.out, { columns: ["constructor", "toString", "x"], values: [["a", "b"], [1, 2], [3, 4]] });
});

test("toDanfo: a table of no rows is a frame of no rows with the table's columns", () => {
  const r = inChild(`
    const t = await kit.loadTables(sample, { cache: false });
    const df = kit.toDanfo(t.sessions.select("session_id", "overall_score").slice(0, 0));
    process.stdout.write(JSON.stringify({ shape: df.shape, columns: df.columns }));`, danfojsModules());
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.out, { shape: [0, 2], columns: ["session_id", "overall_score"] });
});

test("toDanfo without danfojs throws one line naming the install command; a danfojs that fails to load throws its own error", () => {
  // A module folder where danfojs is absent, unless the project has it; and one whose danfojs throws when loaded.
  const own = spawnSync(process.execPath, ["-e", "require.resolve('danfojs')"], { cwd: root }).status === 0;
  const broken = join(tempDir(), "node_modules");
  mkdirSync(join(broken, "danfojs"), { recursive: true });
  writeFileSync(join(broken, "danfojs", "package.json"), JSON.stringify({ name: "danfojs", main: "index.js" }));
  writeFileSync(join(broken, "danfojs", "index.js"), "throw new Error('danfojs could not start: no backend');\n");
  const call = `const aq = require(require.resolve("arquero", { paths: [${JSON.stringify(root)}] })); kit.toDanfo(aq.table({ x: [1] })); process.stdout.write("null");`;
  if (!own) {
    const missing = inChild(call, "");
    assert.deepEqual(missing.out, { error: "DanfoMissingError", message: "toDanfo needs the optional package danfojs: npm install danfojs" });
    assert.deepEqual(inChild(call, broken).out, { error: "Error", message: "danfojs could not start: no backend" });
  } else {
    // The project's danfojs is found before NODE_PATH's: that it loads is the first test's business.
    assert.equal(inChild(call, broken).status, 0);
  }
});
