// node scripts/notebook-bench.mjs [--sessions N] [--json]: the live notebook loop, timed in the project's Jupyter
// (classic Notebook) driven in Chromium:
//   1. open ability_analysis.ipynb on a fresh kernel, Run All → its first figure drawn (ms from opening the page);
//   2. Run All of threshold_tuning.ipynb on the sample (ms);
//   3. the tuner output over a generated log of about N sessions (default 100,000): median of 7 updates (ms).
// Needs dist/ built (npm run bench builds it). Prints one line per figure, or one JSON object with --json.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startJupyter, openNotebook, runAll, waitForFigures } from "./jupyter-session.mjs";
import { root } from "./kernel.mjs";

const { values } = parseArgs({ options: { sessions: { type: "string", default: "100000" }, json: { type: "boolean", default: false } } });
const require = createRequire(import.meta.url);
const kit = require(join(root, "dist", "index.js"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A notebook of one cell that shows the tuner over `log`. */
function tunerNotebook(log) {
  const source = `import * as kit from "../dist";\nconst t = await kit.loadTables(${JSON.stringify(log)});\nawait kit.showTuner(t);`;
  return { cells: [{ cell_type: "code", id: "tuner", metadata: {}, execution_count: null, outputs: [], source: [source] }], metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } }, nbformat: 4, nbformat_minor: 5 };
}

const server = await startJupyter();
const browser = await require(join(root, "dist", "browser", "chromium.js")).launchChromium();
const figures = {};
try {
  // 1. First figure on a fresh kernel (opening the page starts the kernel).
  let page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const opened = performance.now();
  await openNotebook(page, server, "ability_analysis.ipynb");
  await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
  await waitForFigures(page, 1, 600_000);
  figures.first_figure_ms = Math.round(performance.now() - opened);
  await page.close();

  // 2. Run All of threshold_tuning on the sample.
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await openNotebook(page, server, "threshold_tuning.ipynb");
  const started = performance.now();
  await runAll(page);
  figures.tuning_run_all_ms = Math.round(performance.now() - started);
  await page.close();

  // 3. The tuner output over ~N sessions (the generator's defaults give about 3.3 sessions a student).
  const students = Math.ceil(Number(values.sessions) / 3.3);
  const log = join(server.dir, "..", "build", "bench.log");
  writeFileSync(log, [...kit.generateLog({ scenario: "baseline", students, seed: 12 }).lines].join(""));
  writeFileSync(join(server.dir, "bench_tuner.ipynb"), JSON.stringify(tunerNotebook(log)));
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await openNotebook(page, server, "bench_tuner.ipynb");
  await runAll(page);
  await page.waitForFunction(() => window.metricsKitTuners?.length === 1, undefined, { timeout: 120_000 });
  const times = [];
  for (let k = 0; k < 7; k++) {
    const v = 40 + k;
    times.push(await page.evaluate((x) => {
      const el = document.querySelector('.metrics-kit-tuner input[type=range][data-path="tags.riskAtMost"]');
      el.value = String(x);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      return window.metricsKitTuners[0].lastUpdateMs;
    }, v));
  }
  figures.tuner_sessions = Number(await page.evaluate(() => /of (\d+)/.exec(document.querySelector(".metrics-kit-tuner [data-tuner=counts]").textContent)[1]));
  figures.tuner_update_median_ms = Number(median(times).toFixed(1));
  await page.close();
} finally {
  await browser.close();
  server.stop();
}
if (values.json) console.log(JSON.stringify(figures));
else {
  console.log(`notebook: first figure on a fresh kernel ${(figures.first_figure_ms / 1000).toFixed(1)} s after opening ability_analysis`);
  console.log(`notebook: Run All of threshold_tuning (sample) ${(figures.tuning_run_all_ms / 1000).toFixed(1)} s`);
  console.log(`notebook: tuner update over ${figures.tuner_sessions} sessions in the output: median ${figures.tuner_update_median_ms} ms (7 updates)`);
}
