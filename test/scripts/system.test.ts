import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const run = (script: string, env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [join(root, "scripts", script)], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};
const COMMAND = "sudo apt-get update && sudo apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-notebook chromium fonts-wqy-microhei";

test("without Jupyter, npm test fails with the install command instead of skipping, and so do the notebook scripts", () => {
  const env = { METRICS_KIT_PYTHON: "/nonexistent/python3" };
  const t = run("test.mjs", env);
  assert.equal(t.status, 1);
  assert.ok(t.out.includes(COMMAND), t.out);
  assert.doesNotMatch(t.out, /# tests|✔/, "no test ran");
  for (const script of ["notebooks.mjs", "notebook.mjs"]) {
    const r = run(script, env);
    assert.equal(r.status, 1);
    assert.ok(r.out.includes(COMMAND), r.out);
  }
});

test("npm install's setup, opted out of apt, names what is missing and the one command, and still succeeds", () => {
  const r = run("setup.mjs", { METRICS_KIT_PYTHON: "/nonexistent/python3", METRICS_KIT_NO_APT: "1" });
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /jupyter missing; METRICS_KIT_NO_APT=1, so not installing/);
  assert.ok(r.out.includes(COMMAND), r.out);
  assert.doesNotMatch(r.out, /kernel registered/);
});

// The test runner builds dist/ once before any test starts and runs the tests with METRICS_KIT_BUILT=1: no test (this
// file runs setup.mjs, which builds) may rebuild dist/ while another test runs the CLI from it.
test("under the test runner build.mjs leaves dist/ alone, even with --force", () => {
  const stamp = join(root, "dist", "index.js");
  const before = statSync(stamp).mtimeMs;
  const r = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--force"], { cwd: root, encoding: "utf8", env: { ...process.env, METRICS_KIT_BUILT: "1" } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(statSync(stamp).mtimeMs, before);
  assert.equal(`${r.stdout}${r.stderr}`, "");
});
