// npm run notebooks [-- NAME.ipynb …] [--timeout S]: executes the notebooks headless in Jupyter with the project's
// tslab kernel; writes build/notebooks/NAME.ipynb (executed) and NAME.html (nbconvert's export). Stops at the first
// failing cell, printing its source and the kernel's error text. Exit 1 on failure. Each HTML export that has a figure
// gets plotly.js once, in its <head> (the outputs never hold it: src/notebook/figure-bundle.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PYTHON } from "./system.mjs";
import { requireKernel, jupyterEnv, root } from "./kernel.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { timeout: { type: "string", default: "600" }, out: { type: "string", default: join(root, "build", "notebooks") } } });
requireKernel();
const dir = join(root, "notebooks");
// A name is looked up in notebooks/; a path that exists is taken as it is.
const paths = positionals.length ? positionals.map((p) => (existsSync(p) && p.includes("/") ? resolve(p) : join(dir, basename(p)))) : readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(dir, f));
mkdirSync(values.out, { recursive: true });
const { plotlyLibraryHtml } = createRequire(import.meta.url)(join(root, "dist", "notebook", "figure-bundle.js"));
/** Puts plotly.js once into the head of an HTML export that shows a figure. */
function embedPlotly(html) {
  return html.includes("metrics-kit-figure") ? html.replace("</head>", () => `${plotlyLibraryHtml()}\n</head>`) : html;
}
for (const path of paths) {
  const started = Date.now();
  const name = basename(path);
  const stem = name.replace(/\.ipynb$/, "");
  const r = spawnSync(PYTHON, [join(root, "scripts", "execute_notebook.py"), path, join(values.out, `${stem}.ipynb`), join(values.out, `${stem}.html`), values.timeout], { stdio: "inherit", env: jupyterEnv() });
  if (r.status !== 0) {
    console.error(`notebooks: ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  const exported = join(values.out, `${stem}.html`);
  writeFileSync(exported, embedPlotly(readFileSync(exported, "utf8")));
  console.log(`notebooks: ${name} ran in ${((Date.now() - started) / 1000).toFixed(1)} s → ${join(values.out, `${stem}.html`)}`);
}
