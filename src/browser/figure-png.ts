import type { Browser, Page } from "playwright-core";
import type { Figure } from "../figures/figure";
import { findChromium, launchChromium } from "./chromium";
import { plotlySource } from "./plotly-source";

let page: Promise<Page> | undefined;
let browser: Browser | undefined;
let idle: NodeJS.Timeout | undefined;

/**
 * Renders a figure to PNG in a headless Chromium (plotly's own `toImage`), for viewers that cannot run scripts
 * (GitHub's static notebook view). One browser serves every call and closes after `idleMs` without one.
 * Returns `undefined` when no Chromium is installed (see `findChromium`).
 *
 * @example const png = await figurePng(histogramFigure(xs)); if (png) writeFileSync("hist.png", png);
 */
export async function figurePng(figure: Figure, options: { width?: number; height?: number; idleMs?: number } = {}): Promise<Buffer | undefined> {
  if (!findChromium()) return undefined;
  const { width = 900, height = figure.layout.height ?? 400, idleMs = 20_000 } = options;
  page ??= (async () => {
    browser = await launchChromium();
    const p = await browser.newPage();
    await p.setContent("<!doctype html><html><body></body></html>");
    await p.addScriptTag({ content: plotlySource() });
    return p;
  })();
  const p = await page;
  clearTimeout(idle);
  const url = await p.evaluate(
    ({ fig, w, h }) => (globalThis as unknown as { Plotly: { toImage(f: unknown, o: unknown): Promise<string> } }).Plotly.toImage({ data: fig.data, layout: { ...fig.layout, sliders: undefined } }, { format: "png", width: w, height: h }),
    { fig: figure, w: width, h: height },
  );
  idle = setTimeout(() => void closeFigureBrowser(), idleMs);
  idle.unref();
  return Buffer.from(url.slice(url.indexOf(",") + 1), "base64");
}

/** Closes the browser `figurePng` keeps (it also closes by itself when idle). */
export async function closeFigureBrowser(): Promise<void> {
  const b = browser;
  page = undefined;
  browser = undefined;
  clearTimeout(idle);
  await b?.close();
}
