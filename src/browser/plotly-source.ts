import { readFileSync } from "node:fs";

let source: string | undefined;

/** plotly.js (plotly.js-dist-min, minified), read once. */
export function plotlySource(): string {
  source ??= readFileSync(require.resolve("plotly.js-dist-min"), "utf8");
  return source;
}
