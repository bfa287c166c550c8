import { bundledScript } from "../io/bundled-script";

/**
 * The report's browser script: `src/report/browser/report-app.ts` bundled by esbuild at build time
 * (`dist/report/report-app.js`), with the library's rules code inside.
 */
export function reportAppSource(): string {
  return bundledScript("report/report-app.js");
}
