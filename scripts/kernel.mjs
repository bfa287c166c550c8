// Registers the tslab kernel for this project: its own tslab binary (absolute path) under .jupyter/, found by
// Jupyter through JUPYTER_PATH (see jupyterEnv), and plotly.js as an nbextension file the project's Jupyter serves
// (figure outputs fetch it once per page: src/notebook/figure-bundle.ts). Nothing is written outside the project.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { join, dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON, missingSystemPackages, missingMessage } from "./system.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prefix = join(root, ".jupyter");
const binary = join(root, "node_modules", ".bin", "tslab");
const spec = join(prefix, "share", "jupyter", "kernels", "tslab", "kernel.json");

/**
 * The environment Jupyter needs to find the project's kernel (and no user config that could change it). A relative
 * $INTERVIEW_METRICS_LOG_PATH is made absolute from where the user ran npm (INIT_CWD): kernels run in notebooks/.
 */
export function jupyterEnv(env = process.env) {
  const log = env.INTERVIEW_METRICS_LOG_PATH;
  const logPath = log && !isAbsolute(log) ? { INTERVIEW_METRICS_LOG_PATH: resolve(env.INIT_CWD || process.cwd(), log) } : {};
  return { ...env, ...logPath, JUPYTER_PATH: join(prefix, "share", "jupyter"), JUPYTER_CONFIG_DIR: join(prefix, "config"), JUPYTER_DATA_DIR: join(prefix, "data"), JUPYTER_RUNTIME_DIR: join(prefix, "runtime"), PYDEVD_DISABLE_FILE_VALIDATION: "1" };
}

/** For the notebook scripts: exits 1 with the install command when Jupyter is missing, else registers the kernel. */
export function requireKernel() {
  if (missingSystemPackages().includes("jupyter")) {
    console.error(missingMessage(["jupyter"]));
    process.exit(1);
  }
  return ensureKernel();
}

/** Copies plotly.js to .jupyter/share/jupyter/nbextensions/metrics-kit/ (served at /nbextensions/metrics-kit/) when stale. */
export function ensurePlotlyExtension() {
  const source = join(dirname(createRequire(join(root, "package.json")).resolve("plotly.js-dist-min")), "plotly.min.js");
  const target = join(prefix, "share", "jupyter", "nbextensions", "metrics-kit", "plotly.min.js");
  if (existsSync(target) && statSync(target).size === statSync(source).size) return target;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  return target;
}

/**
 * Registers the kernel unless it is registered already with this project's binary, and the plotly.js nbextension.
 * Returns the kernel.json path.
 */
export function ensureKernel() {
  ensurePlotlyExtension();
  if (existsSync(spec) && readFileSync(spec, "utf8").includes(JSON.stringify(binary).slice(1, -1))) return spec;
  if (!existsSync(binary)) throw new Error(`tslab is not installed (${binary} missing): run npm install`);
  execFileSync(binary, ["install", `--python=${PYTHON}`, `--binary=${binary}`, `--prefix=${prefix}`], { stdio: ["ignore", "ignore", "inherit"] });
  return spec;
}
