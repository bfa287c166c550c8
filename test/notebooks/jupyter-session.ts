// Drives the project's Jupyter (classic Notebook) in Chromium the way an analyst uses it: start the server on a copy
// of the notebooks, open a notebook, Run All, reload, save, reopen. Shared by the live-notebook test and the bench.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { tempDir } from "../helpers";

const root = join(__dirname, "..", "..");

/** A running Jupyter server on a temporary copy of `notebooks/` (beside a `dist` link, as `../dist` expects). */
export interface JupyterServer {
  url: string;
  token: string;
  /** The served folder (holds the notebooks' copies). */
  dir: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `python3 -m notebook` (token auth, 127.0.0.1, a free port) with the project's kernel and plotly.js
 * nbextension (`scripts/kernel.mjs`), on a temporary folder holding copies of the notebooks. Resolves when the
 * server prints that it is listening.
 */
export async function startJupyter(): Promise<JupyterServer> {
  const kernel = await import(join(root, "scripts", "kernel.mjs")) as { ensureKernel(): string; jupyterEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv };
  const { PYTHON } = await import(join(root, "scripts", "system.mjs")) as { PYTHON: string };
  kernel.ensureKernel();
  const base = tempDir();
  const dir = join(base, "notebooks");
  mkdirSync(dir);
  mkdirSync(join(base, "build"));
  symlinkSync(join(root, "dist"), join(base, "dist"));
  for (const f of readdirSync(join(root, "notebooks")).filter((n) => n.endsWith(".ipynb"))) copyFileSync(join(root, "notebooks", f), join(dir, f));
  const port = await freePort();
  const token = `metrics-kit-${port}`;
  const asRoot = process.getuid?.() === 0 ? ["--allow-root"] : [];
  const child: ChildProcess = spawn(PYTHON, ["-m", "notebook", "--no-browser", "--ip=127.0.0.1", `--port=${port}`, "--port-retries=0", `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`, ...asRoot],
    { env: { ...kernel.jupyterEnv({ ...process.env, INTERVIEW_METRICS_LOG_PATH: "" }), METRICS_KIT_PNG: "1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Jupyter did not start in 60 s:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d;
      if (log.includes(`127.0.0.1:${port}/`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`Jupyter exited (${code}):\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`, token, dir,
    stop: () => { if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM"); },
  };
}

interface NotebookGlobal {
  Jupyter?: {
    notebook?: {
      kernel?: { is_connected(): boolean };
      get_cells(): { cell_type: string; input_prompt_number?: number | string | null; output_area?: { outputs: { output_type: string }[] } }[];
      execute_all_cells(): void;
      save_notebook(): Promise<unknown>;
      trusted: boolean;
      _fully_loaded?: boolean;
    };
  };
}

/** Opens a notebook of the server and waits until it is loaded and its kernel connected. */
export async function openNotebook(page: Page, server: JupyterServer, name: string): Promise<void> {
  await page.goto(`${server.url}/notebooks/${encodeURIComponent(name)}?token=${server.token}`);
  await page.waitForFunction(() => {
    const nb = (window as unknown as NotebookGlobal).Jupyter?.notebook;
    return Boolean(nb?._fully_loaded && nb.kernel?.is_connected());
  }, undefined, { timeout: 60_000 });
}

/** Run All, then waits until every code cell has run (a number in its prompt); throws on an error output. */
export async function runAll(page: Page, timeoutMs = 600_000): Promise<void> {
  await page.evaluate(() => (window as unknown as NotebookGlobal).Jupyter!.notebook!.execute_all_cells());
  await page.waitForFunction(() => (window as unknown as NotebookGlobal).Jupyter!.notebook!.get_cells()
    .every((c) => c.cell_type !== "code" || typeof c.input_prompt_number === "number"), undefined, { timeout: timeoutMs, polling: 200 });
  const errors = await page.evaluate(() => Array.from(document.querySelectorAll(".output_error, .output_stderr")).map((e) => e.textContent ?? ""));
  if (errors.length) throw new Error(`a cell failed:\n${errors.join("\n")}`);
}

/** Figure outputs in the page, those drawn by plotly (an svg inside), and the PNGs shown in their place. */
export async function figureCounts(page: Page): Promise<{ outputs: number; drawn: number; images: number }> {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll(".output_area .metrics-kit-figure-box"));
    return {
      outputs: boxes.length,
      drawn: boxes.filter((b) => b.querySelector(".js-plotly-plot .main-svg")).length,
      images: boxes.filter((b) => { const img = b.querySelector<HTMLImageElement>("img.metrics-kit-png"); return Boolean(img && img.complete && img.naturalWidth > 0); }).length,
    };
  });
}

/** Waits until every figure output of the page is drawn (at least `min` of them). */
export async function waitForFigures(page: Page, min: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction((n) => {
    const boxes = Array.from(document.querySelectorAll(".output_area .metrics-kit-figure-box"));
    return boxes.length >= n && boxes.every((b) => b.querySelector(".js-plotly-plot .main-svg"));
  }, min, { timeout: timeoutMs, polling: 100 });
}

/** Saves the notebook through the Notebook's own save. */
export async function saveNotebook(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as NotebookGlobal).Jupyter!.notebook!.save_notebook());
}

/** Whether the open notebook is trusted. */
export async function isTrusted(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as NotebookGlobal).Jupyter!.notebook!.trusted);
}
