// npm run sample: regenerates data/sample/metrics.log and its truth file from a fixed seed.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SAMPLE_ARGS = ["generate", "--scenario", "baseline", "--students", "120", "--sessions", "1-6", "--seed", "20251103", "--faults", "0.01"];
const { run } = await import(join(root, "dist", "cli", "main.js"));
process.exitCode = await run(["node", "metrics-kit", ...SAMPLE_ARGS,
  "--out", join(root, "data", "sample", "metrics.log"), "--truth", join(root, "data", "sample", "truth.json"), "--force"]);
