import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { launchChromium, screenshot, watchedPage } from "../browser";
import { tempDir } from "../helpers";

const root = join(__dirname, "..", "..");
const NOTEBOOKS = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
/** A line of plotly.js itself (its licence header), so that the loaders that only fetch it do not count. */
const LIBRARY_MARKER = "* plotly.js v";

interface Output { output_type: string; data?: Record<string, unknown>; name?: string; text?: string | string[] }
interface Notebook { cells: { cell_type: string; id?: string; source: string | string[]; outputs?: Output[] }[] }

function runNotebooks(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "scripts", "notebooks.mjs"), ...args], { encoding: "utf8", cwd: root, env: { ...process.env, INTERVIEW_METRICS_LOG_PATH: "" } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** Where the first test writes the executed notebooks and their exports (the tuner test opens one of them). */
const out = tempDir();

test("every notebook runs in Jupyter (tslab kernel) and its HTML export draws every chart in Chromium", async () => {
  assert.deepEqual(NOTEBOOKS, ["ability_analysis.ipynb", "synthetic_logs.ipynb", "threshold_tuning.ipynb"]);
  const r = runNotebooks(["--out", out, "--timeout", "300"]);
  assert.equal(r.status, 0, r.out);
  const browser = await launchChromium();
  try {
    for (const name of NOTEBOOKS) {
      const stem = name.replace(".ipynb", "");
      const nb = JSON.parse(readFileSync(join(out, name), "utf8")) as Notebook;
      const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
      assert.ok(!outputs.some((o) => o.output_type === "error"), `${name} has an error output`);
      const figures = outputs.filter((o) => o.data?.["application/vnd.plotly.v1+json"]);
      assert.ok(figures.length >= 4, `${name}: ${figures.length} figures`);
      // No output holds plotly.js (the executed notebook stays small); the HTML export has it once, in its head.
      // Every figure has its PNG, also inside its HTML (what an untrusted notebook shows).
      assert.ok(!outputs.some((o) => String(o.data?.["text/html"] ?? "").includes(LIBRARY_MARKER)), `${name}: plotly.js in an output`);
      const html = readFileSync(join(out, `${stem}.html`), "utf8");
      assert.equal(html.split(LIBRARY_MARKER).length - 1, 1, `${name}: plotly.js in the export once`);
      assert.ok(statSync(join(out, name)).size < 4 << 20, `${name}: executed notebook is ${statSync(join(out, name)).size} bytes`);
      for (const f of figures) {
        assert.match(String(f.data!["image/png"]), /^iVBORw0KGgo/, `${name}: a figure without its PNG`);
        assert.ok(String(f.data!["text/html"]).includes(`src="data:image/png;base64,${String(f.data!["image/png"])}"`), `${name}: the PNG is not in the figure's HTML`);
      }
      const { page, errors, network } = await watchedPage(browser);
      await page.goto(pathToFileURL(join(out, `${stem}.html`)).href);
      await page.waitForFunction((n) => document.querySelectorAll(".js-plotly-plot .main-svg").length >= n, figures.length, { timeout: 30_000 });
      assert.equal(await page.locator(".metrics-kit-figure.js-plotly-plot").count(), figures.length, `${name}: charts drawn`);
      await page.waitForFunction(() => document.querySelectorAll("img.metrics-kit-png").length === 0, undefined, { timeout: 10_000 });
      assert.deepEqual(errors, [], `${name}: console errors`);
      assert.deepEqual(network, [], `${name}: network requests`);
      await screenshot(page, `notebook-${stem}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  // The tuning notebook saved rules the CLI reads.
  const tuned = JSON.parse(readFileSync(join(root, "build", "tuned-rules.json"), "utf8"));
  assert.equal(tuned.tags.strengthAtLeast, 80);
});

test("the tuning notebook's tuner works in its HTML export (written by the first test): mounted, counts shown, rules JSON readable", async () => {
  const browser = await launchChromium();
  try {
    const { page, errors, network } = await watchedPage(browser);
    await page.goto(pathToFileURL(join(out, "threshold_tuning.html")).href);
    const tuner = page.locator(".metrics-kit-tuner[data-mounted]");
    await tuner.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll(".metrics-kit-tuner [data-figure].js-plotly-plot").length === 2, undefined, { timeout: 30_000 });
    assert.ok(Number(await tuner.locator("[data-tuner=counts]").getAttribute("data-any")) > 0, "the tuned rules change sessions");
    const json = JSON.parse(await tuner.locator("[data-tuner=rules-json]").inputValue());
    assert.equal(json.tags.strengthAtLeast, 80);
    assert.deepEqual(errors, []);
    assert.deepEqual(network, []);
    await tuner.scrollIntoViewIfNeeded();
    await screenshot(page, "export-tuning-tuner");
  } finally {
    await browser.close();
  }
});

test("a failing cell stops the run with the cell's source and the kernel's error text", () => {
  const dir = tempDir();
  const path = join(dir, "broken.ipynb");
  const nb = JSON.parse(readFileSync(join(root, "notebooks", "synthetic_logs.ipynb"), "utf8"));
  nb.cells = [
    { cell_type: "code", id: "ok1", metadata: {}, execution_count: null, outputs: [], source: ["const fine = 1 + 1;"] },
    { cell_type: "code", id: "bad1", metadata: {}, execution_count: null, outputs: [], source: ["const broken: number = \"not a number\";"] },
    { cell_type: "code", id: "never", metadata: {}, execution_count: null, outputs: [], source: ["console.log(\"never reached\");"] },
  ];
  writeFileSync(path, JSON.stringify(nb));
  const r = runNotebooks(["--out", dir, "--timeout", "60", path]);
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /cell 1 .*source:\nconst broken: number = "not a number";/);
  assert.match(r.out, /Type 'string' is not assignable to type 'number'/);
  assert.doesNotMatch(r.out, /never reached/);
});

test("every cell of the committed notebooks has an id, unique in its notebook (nbformat 4.5: no MissingIDFieldWarning)", () => {
  for (const name of NOTEBOOKS) {
    const nb = JSON.parse(readFileSync(join(root, "notebooks", name), "utf8")) as Notebook & { nbformat: number; nbformat_minor: number };
    assert.ok(nb.nbformat > 4 || nb.nbformat_minor >= 5, `${name}: nbformat ${nb.nbformat}.${nb.nbformat_minor}`);
    const ids = nb.cells.map((c) => c.id);
    assert.ok(ids.every((id) => typeof id === "string" && /^[a-zA-Z0-9_-]{1,64}$/.test(id)), `${name}: cells without an id`);
    assert.equal(new Set(ids).size, ids.length, `${name}: repeated cell ids`);
  }
});

test("committed notebooks are small: no outputs that embed plotly.js", () => {
  for (const name of NOTEBOOKS) {
    const path = join(root, "notebooks", name);
    assert.ok(statSync(path).size < 1 << 20, `${name} is ${statSync(path).size} bytes`);
    assert.ok(!readFileSync(path, "utf8").includes(LIBRARY_MARKER), `${name} embeds plotly.js`);
  }
});
