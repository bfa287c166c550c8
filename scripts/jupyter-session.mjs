// Drives the project's Jupyter (classic Notebook) in Chromium the way an analyst uses it: start the server on a copy
// of the notebooks, open a notebook, Run All, wait for figures, save. Shared by test/notebooks/live-notebook.test.ts
// and scripts/notebook-bench.mjs. Conditions are awaited (page.waitForFunction), never slept on.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYTHON } from "./system.mjs";
import { ensureKernel, jupyterEnv, root } from "./kernel.mjs";

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `python3 -m notebook` (token auth, 127.0.0.1, a free port) with the project's kernel and plotly.js
 * nbextension, on a temporary folder holding copies of notebooks/ beside a `dist` link (what `../dist` expects).
 * Resolves when the server says it listens, with { url, token, dir, stop() }.
 */
export async function startJupyter({ env = {} } = {}) {
  ensureKernel();
  const base = mkdtempSync(join(tmpdir(), "metrics-kit-jupyter-"));
  const dir = join(base, "notebooks");
  mkdirSync(dir);
  mkdirSync(join(base, "build"));
  symlinkSync(join(root, "dist"), join(base, "dist"));
  for (const f of readdirSync(join(root, "notebooks")).filter((n) => n.endsWith(".ipynb"))) copyFileSync(join(root, "notebooks", f), join(dir, f));
  const port = await freePort();
  const token = `metrics-kit-${port}`;
  const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
  const child = spawn(PYTHON, ["-m", "notebook", "--no-browser", "--ip=127.0.0.1", `--port=${port}`, "--port-retries=0", `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`, ...asRoot],
    { env: { ...jupyterEnv({ ...process.env, INTERVIEW_METRICS_LOG_PATH: "" }), ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Jupyter did not start in 60 s:\n${log}`)), 60_000);
    const onData = (d) => {
      log += d;
      if (log.includes(`127.0.0.1:${port}/`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`Jupyter exited (${code}):\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`, token, dir,
    stop() {
      if (child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Opens a notebook of the server and waits until it is loaded and its kernel connected. */
export async function openNotebook(page, server, name) {
  await page.goto(`${server.url}/notebooks/${encodeURIComponent(name)}?token=${server.token}`);
  await page.waitForFunction(() => {
    const nb = window.Jupyter?.notebook;
    return Boolean(nb?._fully_loaded && nb.kernel?.is_connected());
  }, undefined, { timeout: 60_000 });
}

/** Run All, then waits until every code cell has run (a number in its prompt); throws on an error output. */
export async function runAll(page, timeoutMs = 600_000) {
  await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
  await page.waitForFunction(() => window.Jupyter.notebook.get_cells().every((c) => c.cell_type !== "code" || typeof c.input_prompt_number === "number"), undefined, { timeout: timeoutMs, polling: 100 });
  const errors = await page.evaluate(() => Array.from(document.querySelectorAll(".output_error, .output_stderr")).map((e) => e.textContent ?? ""));
  if (errors.length) throw new Error(`a cell failed:\n${errors.join("\n")}`);
}

/** Figure outputs in the page: { outputs, drawn (an svg inside), images (a loaded PNG shown in their place) }. */
export async function figureCounts(page) {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll(".output_area .metrics-kit-figure-box"));
    return {
      outputs: boxes.length,
      drawn: boxes.filter((b) => b.querySelector(".js-plotly-plot .main-svg")).length,
      images: boxes.filter((b) => { const img = b.querySelector("img.metrics-kit-png"); return Boolean(img && img.complete && img.naturalWidth > 0); }).length,
    };
  });
}

/** Waits until every figure output of the page is drawn, and there are at least `min`. */
export async function waitForFigures(page, min, timeoutMs = 60_000) {
  await page.waitForFunction((n) => {
    const boxes = Array.from(document.querySelectorAll(".output_area .metrics-kit-figure-box"));
    return boxes.length >= n && boxes.every((b) => b.querySelector(".js-plotly-plot .main-svg"));
  }, min, { timeout: timeoutMs, polling: 50 });
}

/** Saves the notebook through the Notebook's own save. */
export async function saveNotebook(page) {
  await page.evaluate(() => window.Jupyter.notebook.save_notebook());
}

/** Whether the open notebook is trusted. */
export async function isTrusted(page) {
  return page.evaluate(() => window.Jupyter.notebook.trusted);
}
