import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

/** The flags every Chromium the kit starts runs with (playwright adds `--headless` and a fresh `--user-data-dir`). */
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] as const;

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The one command that installs the Chromium the kit uses (Debian/Ubuntu). */
export const CHROMIUM_INSTALL = "sudo apt-get install -y chromium";

/**
 * The Chromium executable: `$CHROMIUM_PATH` when set, else the first of Debian's and Google's usual paths that
 * exists; `undefined` when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * Starts a headless Chromium with `CHROMIUM_FLAGS` through playwright-core. Throws, naming the install command,
 * when no Chromium is found.
 *
 * @example const browser = await launchChromium(); const page = await browser.newPage(); … await browser.close();
 */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = findChromium(env);
  if (!executablePath) throw new Error(`no Chromium found (set CHROMIUM_PATH, or install it: ${CHROMIUM_INSTALL})`);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
}
