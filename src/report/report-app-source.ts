import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The report's browser script: `src/report/browser/report-app.ts` bundled by esbuild at build time
 * (`dist/report/report-app.js`), with the library's rules code inside.
 */
export function reportAppSource(): string {
  const candidates = [join(__dirname, "report-app.js"), join(__dirname, "..", "..", "dist", "report", "report-app.js")];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`the report's script is not built (${candidates[0]} missing): run npm run build`);
  return readFileSync(found, "utf8");
}
