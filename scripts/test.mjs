// Runs every test file under test/ with node's test runner (TypeScript through tsx).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, dirname, relative } from "node:path";
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
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { stdio: "inherit", cwd: root });
process.exit(r.status ?? 1);
