// Compiles src/ to dist/ (CommonJS + .d.ts, the form tslab's notebooks and the CLI load).
// Skips the compile when dist/ is newer than every source file, and always under the test runner (scripts/test.mjs
// builds before the tests and sets METRICS_KIT_BUILT=1: a test must not rebuild dist/ while another reads it).
import { execFileSync } from "node:child_process";
import { readdirSync, statSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.METRICS_KIT_BUILT === "1") process.exit(0);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const newest = (dir) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
// Written last, so that a build interrupted anywhere (the compile, the bundles, the code cache) is redone.
const stamp = join(root, "dist", ".built");
const sources = Math.max(newest(join(root, "src")), statSync(join(root, "tsconfig.json")).mtimeMs, statSync(join(root, "tsconfig.build.json")).mtimeMs);
if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources && !process.argv.includes("--force")) process.exit(0);
rmSync(stamp, { force: true });
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
try {
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit", cwd: root });
} catch {
  console.error("build failed: see the TypeScript errors above");
  process.exit(1);
}
// Compiled files whose source is gone (a module moved or removed) are removed, so that nothing stale can be loaded.
const BUNDLES = new Set(["report/report-app.js", "notebook/tuner-output.js", "cli/metrics-kit.bundle.js"]);
const prune = (dir, rel = "") => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    const name = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) prune(path, name);
    else if (/\.(js|d\.ts|js\.map)$/.test(e.name) && !BUNDLES.has(name) && !existsSync(join(root, "src", name.replace(/\.(js|d\.ts|js\.map)$/, ".ts")))) rmSync(path);
  }
};
prune(join(root, "dist"));
// The browser scripts, each with the library's rules code bundled into one IIFE: the HTML report's, and the tuner a
// notebook output runs (showTuner; the same tuner widget). Written before the stamp file is touched so that an
// interrupted build is redone.
const esbuild = await import("esbuild");
await esbuild.build({
  entryPoints: { "report/report-app": join(root, "src", "report", "browser", "report-app.ts"), "notebook/tuner-output": join(root, "src", "notebook", "browser", "tuner-output.ts") },
  bundle: true, format: "iife", platform: "browser", target: "es2020", minify: true, legalComments: "none",
  outdir: join(root, "dist"), logLevel: "warning",
});
// The CLI in one file (bin/metrics-kit.js loads it with its V8 code cache, src/io/cached-require.ts): its ~230
// modules and those of arquero, zod and commander are then neither resolved nor compiled at each start (`summary`
// is ready to read its log ~90 ms sooner). Packages that are heavy, native or run as programs stay outside it.
await esbuild.build({
  entryPoints: { "cli/metrics-kit.bundle": join(root, "dist", "cli", "main.js") },
  bundle: true, format: "cjs", platform: "node", target: "node20", keepNames: true, logLevel: "warning",
  external: ["@duckdb/*", "playwright-core", "plotly.js-dist-min", "esbuild", "tslab", "danfojs", "typescript"],
  outdir: join(root, "dist"),
});
// The code cache is V8's for this node and its flags: written by a node started as the CLI starts (no flags).
execFileSync(process.execPath, ["-e", `require(${JSON.stringify(join(root, "dist", "io", "cached-require.js"))}).writeCodeCache(${JSON.stringify(join(root, "dist", "cli", "metrics-kit.bundle.js"))})`], { stdio: "inherit", env: { ...process.env, NODE_OPTIONS: "" } });
writeFileSync(stamp, "");
