/** Where the project's Jupyter serves plotly.js (installed under `.jupyter/` with the kernel, `scripts/kernel.mjs`). */
export const PLOTLY_NBEXTENSION = "nbextensions/metrics-kit/plotly.min.js";

/**
 * Runs `draw` once `window.Plotly` is on the page: at once when it is; otherwise queued, and inside a Jupyter page
 * (its `<body data-base-url>`) plotly.js is fetched from `base + path` once per page and run with AMD and CommonJS
 * hidden (classic Notebook's require.js would capture it). Elsewhere (a file opened without its server) nothing is
 * requested and the queue waits for a page that inlines plotly.js (`plotlyLibraryHtml` drains it).
 *
 * Self-contained (no outer references): figure outputs inline its source with `String(withPlotly)`, the notebook
 * tuner's bundle imports it, so both share one loader and one queue per page.
 *
 * @example withPlotly("nbextensions/metrics-kit/plotly.min.js", () => Plotly.newPlot(el, data, layout))
 */
export function withPlotly(path: string, draw: () => void): void {
  const w = window as unknown as { Plotly?: unknown; __metricsKitPending?: (() => void)[]; __metricsKitLoading?: boolean };
  if (w.Plotly) {
    draw();
    return;
  }
  (w.__metricsKitPending = w.__metricsKitPending || []).push(draw);
  const base = document.body ? document.body.getAttribute("data-base-url") : null;
  if (base === null || w.__metricsKitLoading) return;
  w.__metricsKitLoading = true;
  fetch(base + path)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    })
    .then((src) => {
      const s = document.createElement("script");
      s.setAttribute("data-metrics-kit-plotly", path);
      s.text = `(function(define,module,exports){${src}\n}).call(window);`;
      document.head.appendChild(s);
      (w.__metricsKitPending || []).splice(0).forEach((d) => d());
    })
    .catch((e: Error) => {
      w.__metricsKitLoading = false;
      console.warn(`metrics-kit: plotly.js is not served here (${e.message}); figures stay as PNG`);
    });
}
