import type { Figure } from "../figures/figure";
import { plotlySource } from "../browser/plotly-source";
import { inlineScript, scriptJson } from "./html";
import type { MimeBundle } from "./table-bundle";

/**
 * plotly.js as one inline `<script>`: wrapped so that an AMD `define` or CommonJS `module` on the page (classic
 * Notebook loads require.js) is not seen and `window.Plotly` is set, escaped for inlining, and followed by drawing
 * any figure that was waiting for it.
 */
export function plotlyLibraryHtml(): string {
  return `<script type="text/javascript">(function(define, module, exports){${inlineScript(plotlySource())}\n}).call(window);` +
    `(window.__metricsKitPending || []).splice(0).forEach(function (draw) { draw(); });</script>`;
}

export interface FigureBundleOptions {
  /** The element id of the figure's `<div>` (unique in the page). */
  id: string;
  /** Embed plotly.js in this output (the first figure of a notebook). */
  library?: boolean;
  /** A PNG rendering (`figurePng`) for viewers without scripts. */
  png?: Buffer;
}

/**
 * A figure as a Jupyter MIME bundle: `application/vnd.plotly.v1+json` (JupyterLab, VS Code), `text/html` (classic
 * Notebook and nbconvert's HTML: a `<div>` and a script that draws it once plotly.js is on the page), `image/png`
 * when given (GitHub's static view) and `text/plain`.
 */
export function figureBundle(figure: Figure, options: FigureBundleOptions): MimeBundle {
  const id = options.id.replace(/[^A-Za-z0-9_-]/g, "_");
  const draw = `(function(){var fig=${scriptJson(figure)};function draw(){var el=document.getElementById(${scriptJson(id)});` +
    `if(el&&!el.dataset.drawn){el.dataset.drawn="1";window.Plotly.newPlot(el,fig.data,fig.layout,{responsive:true});}}` +
    `if(window.Plotly){draw();}else{(window.__metricsKitPending=window.__metricsKitPending||[]).push(draw);}})();`;
  const html = `${options.library ? plotlyLibraryHtml() : ""}<div id="${id}" class="metrics-kit-figure" style="width:100%;min-height:${figure.layout.height ?? 400}px"></div>` +
    `<script type="text/javascript">${draw}</script>`;
  const title = figure.layout.title?.text ?? "figure";
  return {
    "application/vnd.plotly.v1+json": { data: figure.data, layout: figure.layout, config: { responsive: true } },
    "text/html": html,
    ...(options.png ? { "image/png": options.png.toString("base64") } : {}),
    "text/plain": `<plotly figure: ${title.replace(/<[^>]*>/g, " ")}>`,
  };
}
