import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { writeLog, writeReport, decodeScoringInput, rulesDiff, setThreshold, defaultRules } from "../../src/index";
import { tempDir } from "../helpers";
import { launchChromium, screenshot, watchedPage } from "../browser";

/** Records every uncaught error and unhandled rejection of the page (besides playwright's pageerror). */
async function trapErrors(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __errors: string[] };
    w.__errors = [];
    window.addEventListener("error", (e) => w.__errors.push(String(e.message || e.error)));
    window.addEventListener("unhandledrejection", (e) => w.__errors.push(String(e.reason)));
  });
  return () => page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);
}

const drawn = (page: Page) => page.evaluate(() => document.querySelectorAll(".js-plotly-plot .main-svg").length > 0 ? document.querySelectorAll("[data-figure].js-plotly-plot").length : 0);
const ready = (page: Page) => page.waitForFunction(() => (window as unknown as { metricsKitReport?: { ready?: boolean } }).metricsKitReport?.ready === true, undefined, { timeout: 60_000 });

test("a report of 150,000 students: ≤ 40 MB, opens in Chromium without an error, every chart drawn, the picker finds a student, the tuner matches rulesDiff on the sample", async () => {
  const dir = tempDir();
  const log = join(dir, "150k-students.log");
  let t0 = performance.now();
  // 160,000 simulated students (a guest session has no user id: ~96% of them are counted as users); 1–3 sessions each
  // (the cohort curve needs 3) and fewer media reports than the baseline's, to keep the test's time down.
  const media = { audio: 0.3, video: 0.15, linkStrength: 0.35, noise: 1 };
  const truth = await writeLog(log, { students: 160_000, sessions: [1, 3], seed: 14, trackTruth: false, params: { media } });
  console.log(`generated ${truth.counts.lines} lines (${truth.counts.session_report} session reports) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const out = join(dir, "150k.html");
  t0 = performance.now();
  const { data, bytes } = await writeReport(log, out);
  console.log(`report: ${(bytes / 1e6).toFixed(1)} MB for ${data.summary.sessions} sessions, ${data.summary.users} students, written in ${((performance.now() - t0) / 1000).toFixed(1)} s; the page holds ${data.sample.sessions} sessions of ${data.sample.students} students`);
  assert.ok(data.summary.users >= 150_000, `${data.summary.users} students`);
  assert.equal(bytes, statSync(out).size);
  assert.ok(bytes <= 40e6, `${bytes} bytes`);
  assert.ok(data.sample.probability < 1, "sampled");

  const input = decodeScoringInput(data.tuner);
  const today = defaultRules();
  const tuned = setThreshold(today, "tags.strengthAtLeast", 80);
  const expected = rulesDiff(input, today, tuned).changed;
  const someone = data.students.ids[Math.floor(data.students.ids.length / 2)];
  const k = data.students.ids.indexOf(someone);

  const browser = await launchChromium();
  try {
    const { page, errors, network } = await watchedPage(browser);
    const windowErrors = await trapErrors(page);
    t0 = performance.now();
    await page.goto(pathToFileURL(out).href, { timeout: 60_000 });
    await ready(page);
    const figures = await page.locator("[data-figure]").count();
    await page.waitForFunction((n) => document.querySelectorAll("[data-figure] .main-svg").length >= n && document.querySelectorAll("[data-figure].js-plotly-plot").length === n, figures, { timeout: 60_000 });
    const openMs = performance.now() - t0;
    console.log(`opened in Chromium in ${(openMs / 1000).toFixed(2)} s (${figures} charts drawn, the tuner's first update ${(await page.evaluate(() => (window as unknown as { metricsKitReport: { lastUpdateMs: number } }).metricsKitReport.lastUpdateMs)).toFixed(0)} ms)`);
    assert.equal(await drawn(page), figures);
    assert.equal(figures, 1 + data.figures.histograms.length + data.figures.features.length + 1 + 1 + 1 + 2, "quality, histograms, features, cohort, trajectory, replay, tuner's two");
    assert.match(await page.locator("#tuner-sample").innerText(), new RegExp(`seeded sample of ${data.sample.sessions}\\b.*estimates`));

    await page.fill("#student", someone);
    await page.locator(`#student-matches button[data-user="${someone}"]`).waitFor();
    await page.press("#student", "Enter");
    await page.waitForFunction((id) => document.querySelector("[data-figure=trajectory] .gtitle")?.textContent?.includes(id), someone);
    const title = await page.locator("[data-figure=trajectory] .gtitle").textContent();
    assert.equal(title, `Trajectory of ${someone} (${data.students.counts[k]} sessions)`);

    await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('input[type=range][data-path="tags.strengthAtLeast"]')!;
      el.value = "80";
      el.dispatchEvent(new Event("input"));
    });
    const shown = await page.locator("#tuner-counts").evaluate((el) => ({ any: Number(el.getAttribute("data-any")), strength: Number(el.getAttribute("data-strength-tags")) }));
    assert.deepEqual(shown, { any: expected.any, strength: expected.strength_tags });
    assert.ok(expected.strength_tags > 0);
    await screenshot(page, "report-150k-students");
    await page.evaluate(() => document.getElementById("progress")!.scrollIntoView());
    await screenshot(page, "report-150k-students-progress");
    assert.deepEqual(await windowErrors(), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(network, []);
  } finally {
    await browser.close();
  }
});

test("the report of an empty log and of a media-only log render without an error", async () => {
  const dir = tempDir();
  const media = JSON.stringify({ type: "media_report", user_id: "u1", session_id: "s1", media_id: "m1", media_type: "audio", audio_features: { speech_rate: 50.5, pause_ratio: 0.2, filler_word_ratio: 0.04, pitch_variance: 15.2, emotion: "happy" }, ts: "2025-09-01T00:00:00" });
  const cases = { empty: "", "media-only": `${media}\n${media.replace(/"s1"/g, '"s2"').replace(/"m1"/g, '"m2"')}\n` };
  const browser = await launchChromium();
  try {
    for (const [name, text] of Object.entries(cases)) {
      const log = join(dir, `${name}.log`);
      writeFileSync(log, text);
      const out = join(dir, `${name}.html`);
      const { data } = await writeReport(log, out);
      assert.equal(data.summary.sessions, 0, name);
      const { page, errors } = await watchedPage(browser);
      const windowErrors = await trapErrors(page);
      await page.goto(pathToFileURL(out).href);
      await ready(page);
      for (const id of ["data-quality", "dimension-quality", "features", "progress", "replay", "tuner"]) assert.ok((await page.locator(`#${id} h2`).count()) === 1, `${name}: section ${id}`);
      assert.equal(await page.locator("#tuner-empty").count(), 1, `${name}: the tuner says there is nothing to re-score`);
      assert.deepEqual(await windowErrors(), [], name);
      assert.deepEqual(errors, [], name);
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
