import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import { readFileSync } from "node:fs";
import { launchChromium, watchedPage } from "../browser";
import { escapeHtml, scriptJson, inlineScript, tableBundle, figureBundle, plotlyLibraryHtml, histogramFigure, bundleFor, figurePng, closeFigureBrowser, notebookLogPath, sampleLogPath } from "../../src/index";

const EVIL = `</script><script>alert(1)</script><img src=x onerror=alert(2)>`;

test("escapeHtml, scriptJson and inlineScript leave nothing that can end a script or open a tag", () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  const json = scriptJson({ s: EVIL, n: NaN, i: Infinity, ls: "\u2028" });
  assert.ok(!/[<>&\u2028]/.test(json));
  assert.deepEqual(JSON.parse(json), { s: EVIL, n: null, i: null, ls: "\u2028" });
  assert.equal(inlineScript(`var a = "</script>"; // <!-- x`), `var a = "<\\/script>"; // <\\x21-- x`);
  // what the escaping writes still means the same to JavaScript
  assert.equal(eval(inlineScript(`"</script><!--"`)), "</script><!--");
});

test("tableBundle escapes every cell, truncates with a row count and has a text fallback", () => {
  const t = aq.table({ user_id: [EVIL, "u2", "u3"], score: [1.23456, NaN, 3], tags: [["a", "b"], null, []] });
  const b = tableBundle(t, { limit: 2, caption: "<b>caption</b>" });
  const html = String(b["text/html"]);
  assert.ok(!html.includes("<script>") && !html.includes("<img") && !html.includes("<b>caption"));
  assert.match(html, /&lt;\/script&gt;/);
  assert.match(html, /… 1 more rows \(3 in all\)/);
  assert.match(String(b["text/plain"]), /1\.235/);
  assert.match(String(b["text/plain"]), /a, b/);
  assert.deepEqual(tableBundle([{ a: 1 }, { b: 2 }])["text/plain"], "a  b\n1   \n   2\n2 rows");
  // A cell of prose (a verdict's reasons) keeps a reading width among many columns; a short one is as it was.
  const prose = tableBundle([{ verdict: "arbitrary", reasons: "unstable for the same student: ".repeat(4) }])["text/html"] as string;
  assert.match(prose, /<td>arbitrary<\/td><td style="min-width:24em;text-align:left">unstable/);
});

test("figureBundle: the plotly mimetype's documented shape, escaped HTML with the PNG inside, never plotly.js", () => {
  const fig = histogramFigure([1, 2, NaN, 3], { title: EVIL });
  const png = Buffer.from("89504e470d0a1a0a", "hex");
  const b = figureBundle(fig, { id: "f1", png });
  // application/vnd.plotly.v1+json: { data: [trace], layout: {}, config?: {} } and nothing else, valid JSON.
  const plotly = JSON.parse(JSON.stringify(b["application/vnd.plotly.v1+json"])) as Record<string, unknown>;
  assert.deepEqual(Object.keys(plotly).sort(), ["config", "data", "layout"]);
  assert.ok(Array.isArray(plotly.data) && (plotly.data as { type: string }[]).every((t) => typeof t.type === "string"));
  assert.equal(typeof plotly.layout, "object");
  assert.deepEqual(plotly.data, fig.data);
  const html = String(b["text/html"]);
  assert.equal(html.match(/<\/script>/g)!.length, 1, "only the figure's own script element ends");
  assert.ok(!html.includes("<img src=x"));
  assert.ok(html.includes(`<img class="metrics-kit-png" alt="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; (n = 3, missing 1)" src="data:image/png;base64,${png.toString("base64")}"`));
  assert.equal(b["image/png"], png.toString("base64"));
  assert.ok(!html.includes("* plotly.js v"), "plotly.js is not in the output");
  assert.ok(plotlyLibraryHtml().includes("* plotly.js v"));
  assert.ok(html.length < 20_000);
  assert.ok(plotlyLibraryHtml().length > 3_000_000);
  assert.ok(!String(figureBundle(fig, { id: "f2" })["text/html"]).includes("<img"), "no PNG, no image");
});

test("bundleFor adds a PNG rendered in Chromium to every figure and embeds plotly.js in none", async () => {
  try {
    const first = await bundleFor(histogramFigure([1, 2, 3]));
    const second = await bundleFor(histogramFigure([4, 5, 6]), { png: false });
    for (const b of [first, second]) assert.ok(!String(b["text/html"]).includes("window.Plotly = Plotly"));
    const png = Buffer.from(String(first["image/png"]), "base64");
    assert.equal(png.subarray(1, 4).toString(), "PNG");
    assert.match(String(first["text/html"]), /<img class="metrics-kit-png"/);
    assert.equal(second["image/png"], undefined);
    const direct = await figurePng(histogramFigure([1]), { width: 300, height: 200 });
    assert.equal(direct!.readUInt32BE(16), 300, "PNG width");
  } finally {
    await closeFigureBrowser();
  }
});

test("figure outputs in a Jupyter-like page fetch plotly.js once for the page, draw, and replace their PNG; without a server the PNG stays", async () => {
  const png = await figurePng(histogramFigure([1, 2, 3]));
  await closeFigureBrowser();
  assert.ok(png, "Chromium renders the PNG");
  const outputs = [1, 2, 3].map((k) => String(figureBundle(histogramFigure([k, k + 1]), { id: `f${k}`, png })["text/html"]));
  const browser = await launchChromium();
  try {
    for (const served of [true, false]) {
      const { page, errors } = await watchedPage(browser);
      let fetched = 0;
      await page.route("http://jupyter.test/**", (route) => {
        if (route.request().url().endsWith("/nbextensions/metrics-kit/plotly.min.js")) {
          fetched++;
          return route.fulfill({ contentType: "text/javascript", body: readFileSync(require.resolve("plotly.js-dist-min"), "utf8") });
        }
        return route.fulfill({ contentType: "text/html", body: `<!doctype html><html><head><script>window.define = function () {}; window.define.amd = {};</script></head><body ${served ? 'data-base-url="/"' : ""}></body></html>` });
      });
      await page.goto("http://jupyter.test/notebooks/x.ipynb");
      // Outputs arrive one by one, as the Notebook inserts them (jQuery runs each inline script).
      for (const html of outputs) await page.evaluate((h) => { const d = document.createElement("div"); d.innerHTML = h; document.body.append(d); for (const s of Array.from(d.querySelectorAll("script"))) { const n = document.createElement("script"); n.text = s.text; s.replaceWith(n); } }, html);
      if (served) {
        await page.waitForFunction(() => Array.from(document.querySelectorAll(".metrics-kit-figure")).filter((el) => el.querySelector(".main-svg")).length === 3, undefined, { timeout: 30_000 });
        await page.waitForFunction(() => document.querySelectorAll("img.metrics-kit-png").length === 0);
        assert.equal(fetched, 1, "plotly.js fetched once per page");
        assert.deepEqual(errors, []);
      } else {
        assert.equal(await page.locator("img.metrics-kit-png").count(), 3);
        assert.equal(fetched, 0);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
});

test("notebookLogPath: $INTERVIEW_METRICS_LOG_PATH, else the bundled sample", () => {
  assert.equal(notebookLogPath({ INTERVIEW_METRICS_LOG_PATH: "/x/metrics.log" }), "/x/metrics.log");
  assert.equal(notebookLogPath({}), sampleLogPath());
  assert.match(sampleLogPath(), /data\/sample\/metrics\.log$/);
});
