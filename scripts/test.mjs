// Runs every test file under test/ with node's test runner (TypeScript through tsx). The notebook and browser tests
// need Jupyter and Chromium: when they are missing this fails with the command that installs them (it never skips).
// --unit runs only the tests that need neither (a quick loop while developing; not the test command). Test files
// named after the options run alone (`node scripts/test.mjs --unit test/cli/cli.test.ts`).
// dist/ (the CLI the tests run, the Chromium lookup) is built once, here, before any test starts; the tests run with
// METRICS_KIT_BUILT=1, which makes scripts/build.mjs a no-op, so that no test (e.g. one running setup.mjs) rebuilds
// dist/ while another reads it.
import { spawnSync } from "node:child_process";
import { missingSystemPackages, missingMessage } from "./system.mjs";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".test.ts")) files.push(relative(root, p));
  }
};
walk(join(root, "test"));
files.sort();
const unit = process.argv.includes("--unit");
const built = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit", cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);
const SYSTEM_TESTS = /^test\/(notebooks|report)\//;
if (!unit) {
  const missing = missingSystemPackages();
  if (missing.length) {
    console.error(missingMessage(missing));
    process.exit(1);
  }
}
const named = process.argv.slice(2).filter((a) => !a.startsWith("--")).map((f) => relative(root, resolve(f)));
const run = named.length ? named : unit ? files.filter((f) => !SYSTEM_TESTS.test(f)) : files;
// The tests' temporary files (TMPDIR) and loads' cache (not the user's ~/.cache) go into one folder of their own,
// removed afterwards, so that no run leaves its logs, caches or browser profiles behind in the system's temp folder.
const scratch = mkdtempSync(join(tmpdir(), "metrics-kit-test-run-"));
const cacheDir = join(scratch, "cache");
const env = { ...process.env, METRICS_KIT_BUILT: "1", METRICS_KIT_CACHE: cacheDir, TMPDIR: scratch };
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...run], { stdio: "inherit", cwd: root, env });
rmSync(scratch, { recursive: true, force: true });
process.exit(r.status ?? 1);
