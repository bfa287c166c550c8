import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "../helpers";

// The committed sample must be exactly what `npm run sample` produces (scripts/sample.mjs holds the arguments).
test("data/sample/metrics.log and truth.json are what the fixed seed produces", async () => {
  const root = join(__dirname, "..", "..");
  const source = readFileSync(join(root, "scripts", "sample.mjs"), "utf8");
  const args = JSON.parse(/SAMPLE_ARGS = (\[[^\]]*\])/.exec(source)![1]) as string[];
  const dir = tempDir();
  const r = cli([...args, "--out", join(dir, "m.log"), "--truth", join(dir, "t.json")]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(readFileSync(join(dir, "m.log")).equals(readFileSync(join(root, "data", "sample", "metrics.log"))), "run `npm run sample` to refresh the sample");
  assert.deepEqual(JSON.parse(readFileSync(join(dir, "t.json"), "utf8")), JSON.parse(readFileSync(join(root, "data", "sample", "truth.json"), "utf8")));
});
