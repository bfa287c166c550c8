import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeReport, sampleLogPath } from "../../src/index";
import { tempDir } from "../helpers";
import { launchChromium, screenshot, watchedPage } from "../browser";

test("the report's tuner widget: the score histograms' threshold lines follow it; a number field clamps and says why", async () => {
  const out = join(tempDir(), "report.html");
  await writeReport(sampleLogPath(), out);
  const browser = await launchChromium();
  try {
    const { page, errors } = await watchedPage(browser);
    await page.goto(pathToFileURL(out).href);
    await page.waitForFunction(() => document.querySelector("[data-figure=histogram-0].js-plotly-plot") !== null, undefined, { timeout: 30_000 });
    const lines = () => page.evaluate(() => ((document.querySelector("[data-figure=histogram-0]") as unknown as { layout: { shapes: { x0: number }[] } }).layout.shapes.map((s) => s.x0)));
    assert.deepEqual(await lines(), [50, 70, 75]);
    await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('input[type=range][data-path="tags.riskAtMost"]')!;
      el.value = "42";
      el.dispatchEvent(new Event("input"));
    });
    assert.deepEqual(await lines(), [42, 70, 75]);
    await page.fill('input[type=number][data-path="tags.riskAtMost"]', "90");
    await page.press('input[type=number][data-path="tags.riskAtMost"]', "Enter");
    assert.equal(await page.inputValue('input[type=number][data-path="tags.riskAtMost"]'), "74");
    assert.equal(await page.locator("#tuner-clamp").innerText(), "tags.riskAtMost: 90 → 74 (must be below tags.strengthAtLeast 75)");
    assert.deepEqual(await lines(), [74, 70, 75]);
    assert.match(await page.locator("#tuner-agreement").innerText(), /against today's logged tag \(agreement with the log, not with an outcome\)/);
    assert.deepEqual(errors, []);
    await page.locator("#tuner-clamp").scrollIntoViewIfNeeded();
    await screenshot(page, "report-tuner-clamped");
  } finally {
    await browser.close();
  }
});
