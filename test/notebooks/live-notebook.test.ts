import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, screenshot, watchedPage } from "../browser";
import { tempDir } from "../helpers";
import { loadTables, scoringInput, defaultRules, rulesDiff, readRules, sampleLogPath } from "../../src/index";

interface JupyterServer { url: string; token: string; dir: string; stop(): void }
/** The session driver shared with the bench (scripts/jupyter-session.mjs). */
interface Session {
  startJupyter(o?: { env?: Record<string, string> }): Promise<JupyterServer>;
  openNotebook(page: Page, server: JupyterServer, name: string): Promise<void>;
  runAll(page: Page, timeoutMs?: number): Promise<void>;
  figureCounts(page: Page): Promise<{ outputs: number; drawn: number; images: number }>;
  waitForFigures(page: Page, min: number, timeoutMs?: number): Promise<void>;
  saveNotebook(page: Page): Promise<void>;
  isTrusted(page: Page): Promise<boolean>;
}
let server: JupyterServer;
let browser: Browser;
let openNotebook: Session["openNotebook"], runAll: Session["runAll"], figureCounts: Session["figureCounts"], waitForFigures: Session["waitForFigures"], saveNotebook: Session["saveNotebook"], isTrusted: Session["isTrusted"];

before(async () => {
  const session = await import(join(__dirname, "..", "..", "scripts", "jupyter-session.mjs")) as Session;
  ({ openNotebook, runAll, figureCounts, waitForFigures, saveNotebook, isTrusted } = session);
  server = await session.startJupyter({ env: { METRICS_KIT_PNG: "1" } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test("ability_analysis in a live Notebook: charts drawn on Run All, after a reload on the same kernel, after one cell's re-run, reopened trusted; PNGs when untrusted", async () => {
  const { page, errors } = await watchedPage(browser);
  const failed: string[] = [];
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await openNotebook(page, server, "ability_analysis.ipynb");
  await runAll(page);
  const first = await figureCounts(page);
  assert.ok(first.outputs >= 6, `${first.outputs} figure outputs`);
  await waitForFigures(page, first.outputs);
  await screenshot(page, "live-ability-run-all");

  // A reload keeps the kernel (its session is the notebook's path): the page has no plotly.js until a figure fetches it.
  const fetched: string[] = [];
  page.on("request", (r) => { if (r.url().endsWith("/nbextensions/metrics-kit/plotly.min.js")) fetched.push(r.url()); });
  await page.reload();
  await openNotebook(page, server, "ability_analysis.ipynb");
  await runAll(page);
  await waitForFigures(page, first.outputs);
  assert.equal((await figureCounts(page)).outputs, first.outputs);
  assert.equal(fetched.length, 1, "plotly.js fetched once for the page");
  assert.equal(await page.evaluate(() => document.querySelectorAll("script[data-metrics-kit-plotly]").length), 1, "plotly.js on the page once");
  await page.locator(".js-plotly-plot").first().scrollIntoViewIfNeeded();
  await screenshot(page, "live-ability-reload-run-all");

  // Re-run one figure cell.
  await page.evaluate(() => {
    const nb = (window as unknown as { Jupyter: { notebook: { get_cells(): { cell_type: string; get_text(): string; execute(): void }[] } } }).Jupyter.notebook;
    nb.get_cells().find((c) => c.cell_type === "code" && c.get_text().includes("qualityFigure"))!.execute();
  });
  await waitForFigures(page, first.outputs);

  // Saved and reopened (trusted: this server signed it on save): the outputs' scripts draw again.
  await saveNotebook(page);
  await page.close();
  const reopened = await watchedPage(browser);
  await openNotebook(reopened.page, server, "ability_analysis.ipynb");
  assert.equal(await isTrusted(reopened.page), true);
  await waitForFigures(reopened.page, first.outputs);
  await screenshot(reopened.page, "live-ability-reopened-trusted");
  await reopened.page.close();

  // The same outputs under another signature (a copy edited elsewhere): untrusted, no script runs, the PNGs show.
  const saved = JSON.parse(readFileSync(join(server.dir, "ability_analysis.ipynb"), "utf8"));
  saved.metadata.copied_from = "ability_analysis.ipynb";
  writeFileSync(join(server.dir, "untrusted_copy.ipynb"), JSON.stringify(saved));
  const untrusted = await watchedPage(browser);
  await openNotebook(untrusted.page, server, "untrusted_copy.ipynb");
  assert.equal(await isTrusted(untrusted.page), false);
  await untrusted.page.waitForFunction((n) => Array.from(document.querySelectorAll(".output_area img.metrics-kit-png")).filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length >= n, first.outputs, { timeout: 30_000 });
  const shown = await figureCounts(untrusted.page);
  assert.deepEqual(shown, { outputs: first.outputs, drawn: 0, images: first.outputs });
  await untrusted.page.locator("img.metrics-kit-png").nth(1).scrollIntoViewIfNeeded();
  await screenshot(untrusted.page, "live-ability-untrusted");
  await untrusted.page.close();
  // Debian's jupyter-notebook enables the ipywidgets nbextension system-wide (/etc/jupyter/nbconfig) without its
  // files; the reload of a notebook with unsaved outputs asks to confirm (the Notebook's own beforeunload).
  const theirs = /\/nbextensions\/widgets\/notebook\/js\/extension\.js/;
  assert.deepEqual(failed.filter((f) => !theirs.test(f)), [], "failed requests");
  assert.deepEqual(errors.filter((e) => !theirs.test(e) && !/^Failed to load resource|beforeunload/.test(e)), [], "console errors");
});

test("threshold_tuning in a live Notebook: the tuner output's counts equal rulesDiff for its rules; Copy rules gives what readRules reads", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  await openNotebook(page, server, "threshold_tuning.ipynb");
  await runAll(page);
  await waitForFigures(page, 4);
  const tuner = page.locator(".output_area .metrics-kit-tuner[data-mounted]");
  await tuner.waitFor({ timeout: 30_000 });
  const t = await loadTables(sampleLogPath());
  const input = scoringInput(t.joined, t.dimensions, defaultRules());
  const dir = tempDir();
  for (const value of [62, 40]) {
    // The slider, moved as a user moves it (input events).
    await tuner.locator('input[type=range][data-path="tags.riskAtMost"]').evaluate((el, v) => {
      (el as HTMLInputElement).value = String(v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, value);
    const json = await tuner.locator("[data-tuner=rules-json]").inputValue();
    writeFileSync(join(dir, `shown-${value}.json`), json);
    const rules = readRules(join(dir, `shown-${value}.json`));
    assert.equal(rules.tags.riskAtMost, value);
    assert.equal(rules.tags.strengthAtLeast, 80, "the notebook's tuned rules are the start");
    const expected = rulesDiff(input, defaultRules(), rules).changed;
    const counts = tuner.locator("[data-tuner=counts]");
    const shown = Object.fromEntries(await Promise.all(["scores", "strength-tags", "risk-tags", "tasks", "any"].map(async (k) => [k, Number(await counts.getAttribute(`data-${k}`))])));
    assert.deepEqual(shown, { scores: expected.scores, "strength-tags": expected.strength_tags, "risk-tags": expected.risk_tags, tasks: expected.tasks, any: expected.any });
  }
  // A number field out of bounds is clamped, and the tuner says why (typed keys are not the Notebook's shortcuts).
  await tuner.locator('input[type=number][data-path="tags.strengthAtLeast"]').fill("30");
  await tuner.locator('input[type=number][data-path="tags.strengthAtLeast"]').press("Enter");
  assert.equal(await tuner.locator('input[type=number][data-path="tags.strengthAtLeast"]').inputValue(), "41");
  assert.match(await tuner.locator("[data-tuner=clamp]").innerText(), /tags\.strengthAtLeast: 30 → 41 \(must be above tags\.riskAtMost 40\)/);
  // Copy rules → the clipboard holds the JSON readRules reads.
  await tuner.locator("[data-tuner=copy]").click();
  await page.waitForFunction(() => (document.querySelector(".metrics-kit-tuner [data-tuner=copied]")?.textContent ?? "") !== "");
  assert.match(await tuner.locator("[data-tuner=copied]").innerText(), /copied \((clipboard|selection)\)\./);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  writeFileSync(join(dir, "copied.json"), copied);
  const rules = readRules(join(dir, "copied.json"));
  assert.equal(rules.tags.riskAtMost, 40);
  assert.equal(rules.tags.strengthAtLeast, 41);
  assert.equal(rules.clarity.filler.mid, 0.03);
  await tuner.scrollIntoViewIfNeeded();
  await screenshot(page, "live-tuning-tuner");
  await context.close();
});
