import type * as aq from "arquero";
import { randomBytes } from "node:crypto";
import { isFigure, type Figure } from "../figures/figure";
import { figurePng } from "../browser/figure-png";
import { figureBundle } from "./figure-bundle";
import { tableBundle, type MimeBundle, type TableBundleOptions } from "./table-bundle";
import { displayBundle } from "./display-bundle";
import { escapeHtml } from "./html";

/** Options of `show`: table options, and whether a figure also gets a PNG rendering. */
export interface ShowOptions extends TableBundleOptions {
  /** Render a PNG fallback of a figure in Chromium (when installed). Default: unless `METRICS_KIT_PNG=0`. */
  png?: boolean;
}

const page = { prefix: randomBytes(4).toString("hex"), count: 0 };

/**
 * Shows a value in the notebook: a figure (plotly, drawn live wherever plotly.js can be had, with a PNG rendered in
 * Chromium when installed, shown where scripts do not run; see `figureBundle`), a table (arquero or an array of records, escaped HTML with a text fallback,
 * truncated with a row count) or text (shown as preformatted text).
 *
 * @example await show(histogramFigure(t.sessions.array("表达清晰度"))); await show(t.sessions, { limit: 5 });
 */
export async function show(value: Figure | aq.ColumnTable | readonly object[] | string, options: ShowOptions = {}): Promise<void> {
  displayBundle(await bundleFor(value, options));
}

/** The MIME bundle `show` sends. */
export async function bundleFor(value: Figure | aq.ColumnTable | readonly object[] | string, options: ShowOptions = {}): Promise<MimeBundle> {
  if (typeof value === "string") return { "text/html": `<pre>${escapeHtml(value)}</pre>`, "text/plain": value };
  if (isFigure(value)) {
    const png = (options.png ?? process.env.METRICS_KIT_PNG !== "0") ? await figurePng(value) : undefined;
    return figureBundle(value, { id: `metrics-kit-${page.prefix}-${++page.count}`, png });
  }
  return tableBundle(value, options);
}
