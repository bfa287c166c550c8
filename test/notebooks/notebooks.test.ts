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
const LIBRARY_MARKER = "__metricsKitPending || []).splice(0)";

interface Output { output_type: string; data?: Record<string, unknown>; name?: string; text?: string | string[] }
interface Notebook { cells: { cell_type: string; source: string | string[]; outputs?: Output[] }[] }

function runNotebooks(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "scripts", "notebooks.mjs"), ...args], { encoding: "utf8", cwd: root, env: { ...process.env, INTERVIEW_METRICS_LOG_PATH: "" } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

test("every notebook runs in Jupyter (tslab kernel) and its HTML export draws every chart in Chromium", async () => {
  assert.deepEqual(NOTEBOOKS, ["ability_analysis.ipynb", "synthetic_logs.ipynb", "threshold_tuning.ipynb"]);
  const out = tempDir();
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
      // plotly.js is embedded exactly once, in the first figure's output; every figure has its PNG fallback.
      const withLibrary = outputs.filter((o) => String(o.data?.["text/html"] ?? "").includes(LIBRARY_MARKER));
      assert.equal(withLibrary.length, 1, `${name}: plotly.js embedded ${withLibrary.length} times`);
      assert.equal(withLibrary[0], figures[0]);
      for (const f of figures) assert.match(String(f.data!["image/png"]), /^iVBORw0KGgo/, `${name}: a figure without its PNG`);
      const { page, errors, network } = await watchedPage(browser);
      await page.goto(pathToFileURL(join(out, `${stem}.html`)).href);
      await page.waitForFunction((n) => document.querySelectorAll(".js-plotly-plot .main-svg").length >= n, figures.length, { timeout: 30_000 });
      assert.equal(await page.locator(".metrics-kit-figure.js-plotly-plot").count(), figures.length, `${name}: charts drawn`);
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

test("committed notebooks are small: no outputs that embed plotly.js", () => {
  for (const name of NOTEBOOKS) {
    const path = join(root, "notebooks", name);
    assert.ok(statSync(path).size < 1 << 20, `${name} is ${statSync(path).size} bytes`);
    assert.ok(!readFileSync(path, "utf8").includes(LIBRARY_MARKER), `${name} embeds plotly.js`);
  }
});
