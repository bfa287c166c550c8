import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
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
});

test("figureBundle: plotly JSON for JupyterLab/VS Code, escaped HTML for Notebook and nbconvert, plotly.js only when asked", () => {
  const fig = histogramFigure([1, 2, 3], { title: EVIL });
  const b = figureBundle(fig, { id: "f1" });
  assert.deepEqual((b["application/vnd.plotly.v1+json"] as { data: unknown }).data, fig.data);
  const html = String(b["text/html"]);
  assert.equal(html.match(/<\/script>/g)!.length, 1, "only the figure's own script element ends");
  assert.ok(!html.includes("<img"));
  assert.ok(!html.includes("window.Plotly = Plotly"), "no library unless asked");
  const withLib = String(figureBundle(fig, { id: "f2", library: true })["text/html"]);
  assert.ok(withLib.startsWith(plotlyLibraryHtml()));
  assert.equal(withLib.match(/<\/script>/g)!.length, 2);
  assert.ok(withLib.length > 3_000_000);
});

test("bundleFor embeds plotly.js in the first figure only and adds a PNG rendered in Chromium", async () => {
  try {
    const first = await bundleFor(histogramFigure([1, 2, 3]));
    const second = await bundleFor(histogramFigure([4, 5, 6]), { png: false });
    assert.ok(String(first["text/html"]).includes("window.Plotly = Plotly"));
    assert.ok(!String(second["text/html"]).includes("window.Plotly = Plotly"));
    const png = Buffer.from(String(first["image/png"]), "base64");
    assert.equal(png.subarray(1, 4).toString(), "PNG");
    assert.equal(second["image/png"], undefined);
    const direct = await figurePng(histogramFigure([1]), { width: 300, height: 200 });
    assert.equal(direct!.readUInt32BE(16), 300, "PNG width");
  } finally {
    await closeFigureBrowser();
  }
});

test("notebookLogPath: $INTERVIEW_METRICS_LOG_PATH, else the bundled sample", () => {
  assert.equal(notebookLogPath({ INTERVIEW_METRICS_LOG_PATH: "/x/metrics.log" }), "/x/metrics.log");
  assert.equal(notebookLogPath({}), sampleLogPath());
  assert.match(sampleLogPath(), /data\/sample\/metrics\.log$/);
});
