import type { Figure } from "../figures/figure";
import { plotlySource } from "../browser/plotly-source";
import { escapeHtml, inlineScript, scriptJson } from "./html";
import type { MimeBundle } from "./table-bundle";
import { PLOTLY_NBEXTENSION, withPlotly } from "./with-plotly";

/**
 * plotly.js as one inline `<script>`: wrapped so that an AMD `define` or CommonJS `module` on the page (classic
 * Notebook loads require.js) is not seen and `window.Plotly` is set, escaped for inlining, and followed by drawing
 * any figure that was waiting for it. The report inlines it; `npm run notebooks` puts it once in each HTML export.
 */
export function plotlyLibraryHtml(): string {
  return `<script type="text/javascript">(function(define, module, exports){${inlineScript(plotlySource())}\n}).call(window);` +
    `(window.__metricsKitPending || []).splice(0).forEach(function (draw) { draw(); });</script>`;
}

export interface FigureBundleOptions {
  /** The element id of the figure's `<div>` (unique in the page). */
  id: string;
  /** A PNG rendering (`figurePng`): shown until plotly draws, and wherever scripts do not run. */
  png?: Buffer;
}

/**
 * A figure as a Jupyter MIME bundle: `application/vnd.plotly.v1+json` (`{data, layout, config}`, JupyterLab and VS
 * Code), `text/html` (classic Notebook and nbconvert: the PNG as an `<img>`, which an untrusted notebook's sanitiser
 * keeps, and a script that replaces it by the live chart once plotly.js is on the page, fetching plotly.js at most
 * once per page), `image/png` when given and `text/plain`. plotly.js itself is never in the output.
 *
 * @example figureBundle(histogramFigure([1, 2, 3]), { id: "f1" })["text/plain"] // → "<plotly figure: figure>"
 */
export function figureBundle(figure: Figure, options: FigureBundleOptions): MimeBundle {
  const id = options.id.replace(/[^A-Za-z0-9_-]/g, "_");
  const height = figure.layout.height ?? 400;
  const title = plainText(figure.layout.title?.text ?? "figure");
  const draw = `(function(){var fig=${scriptJson(figure)};(${inlineScript(String(withPlotly))})(${scriptJson(PLOTLY_NBEXTENSION)},function(){var el=document.getElementById(${scriptJson(id)});` +
    `if(!el||el.dataset.drawn)return;el.dataset.drawn="1";el.style.minHeight="${height}px";` +
    `window.Plotly.newPlot(el,fig.data,fig.layout,{responsive:true,displaylogo:false}).then(function(){var img=el.parentNode&&el.parentNode.querySelector("img.metrics-kit-png");if(img)img.remove();});});})();`;
  const png = options.png ? options.png.toString("base64") : undefined;
  const img = png ? `<img class="metrics-kit-png" alt="${escapeHtml(title)}" src="data:image/png;base64,${png}" style="max-width:100%">` : "";
  const html = `<div class="metrics-kit-figure-box">${img}<div id="${id}" class="metrics-kit-figure" style="width:100%"></div></div>` +
    `<script type="text/javascript">${draw}</script>`;
  return {
    "application/vnd.plotly.v1+json": { data: figure.data, layout: figure.layout, config: { responsive: true, displaylogo: false } },
    "text/html": html,
    ...(png ? { "image/png": png } : {}),
    "text/plain": `<plotly figure: ${title}>`,
  };
}

/** Plotly label markup as plain text: tags dropped, the entities the figure builders write decoded. */
function plainText(label: string): string {
  const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };
  return label.replace(/<[^>]*>/g, " ").replace(/&(lt|gt|amp|quot|#39);/g, (e) => entities[e]);
}
