import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "../helpers";

const sample = join(__dirname, "..", "..", "data", "sample", "metrics.log");

test("summary through the cache prints what --no-cache prints; --no-cache and stdin leave the cache folder alone", () => {
  const dir = join(tempDir(), "cache");
  const fresh = cli(["summary", sample, "--json", "--no-cache", "--cache-dir", dir]);
  assert.equal(fresh.status, 0);
  assert.ok(!existsSync(dir), "--no-cache writes nothing");
  const stdin = cli(["summary", "-", "--json", "--cache-dir", dir], readFileSync(sample, "utf8"));
  assert.equal(stdin.status, 0);
  assert.ok(!existsSync(dir), "stdin is never cached");
  const cold = cli(["summary", sample, "--json", "--cache-dir", dir]);
  assert.ok(readdirSync(dir).some((n) => n.endsWith(".idx")) && readdirSync(dir).some((n) => n.endsWith(".snap")));
  const warm = cli(["summary", sample, "--json", "--cache-dir", dir]);
  assert.equal(cold.stdout, fresh.stdout);
  assert.equal(warm.stdout, fresh.stdout);
  assert.deepEqual(JSON.parse(stdin.stdout).rows, JSON.parse(fresh.stdout).rows);
});

test("a bad --cache-max-bytes is a one-line argument error (exit 2)", () => {
  const r = cli(["summary", sample, "--cache-max-bytes", "lots"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^metrics-kit: option '--cache-max-bytes <size>' argument 'lots' is invalid\. expected bytes/);
});
