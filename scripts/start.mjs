// npm start: the main job on the bundled sample (or $INTERVIEW_METRICS_LOG_PATH): build, write the HTML report into
// build/ (the report of the previous run is replaced: build/ is this script's own output), print its path and a
// short summary.
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
const log = process.env.INTERVIEW_METRICS_LOG_PATH || join(root, "data", "sample", "metrics.log");
const out = join(root, "build", "report.html");
const { run } = await import(join(root, "dist", "cli", "main.js"));
let code = await run(["node", "metrics-kit", "summary", log]);
if (code === 0) {
  console.log("");
  code = await run(["node", "metrics-kit", "report", log, "--out", out, "--force"]);
  if (code === 0) console.log(`open it: ${pathToFileURL(out).href}`);
}
process.exitCode = code;
