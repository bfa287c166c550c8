import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../src/browser/chromium";

/** Where browser tests save their screenshots (kept after the run, as test artifacts). */
export const ARTIFACTS = join(__dirname, "..", "build", "test-artifacts");

/** A page that records console errors, page errors and every request that is not `file:` or `data:`. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  network: string[];
}

/** Opens a page in a fresh headless Chromium (Debian's, with the kit's flags), watching errors and requests. */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const network: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (!/^(file|data|blob|about):/.test(r.url())) network.push(r.url()); });
  return { page, errors, network };
}

export { launchChromium };

/** Saves a screenshot under `ARTIFACTS` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
