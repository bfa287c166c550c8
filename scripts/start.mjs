// npm start: the main job on the bundled sample (or $INTERVIEW_METRICS_LOG_PATH): build, then summarise.
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
const log = process.env.INTERVIEW_METRICS_LOG_PATH || join(root, "data", "sample", "metrics.log");
const { run } = await import(join(root, "dist", "cli", "main.js"));
process.exitCode = await run(["node", "metrics-kit", "summary", log]);
