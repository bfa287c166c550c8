import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A browser script esbuild bundled at build time (`scripts/build.mjs`), by its path under `dist/`: looked up beside
 * the compiled code and in the package's `dist/`. Throws naming the file and `npm run build` when it is missing.
 *
 * @example bundledScript("notebook/tuner-output.js").length > 0
 */
export function bundledScript(path: string): string {
  const candidates = [join(__dirname, "..", path), join(__dirname, "..", "..", "dist", path)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`the browser script ${path} is not built (${candidates[1]} missing): run npm run build`);
  return readFileSync(found, "utf8");
}
