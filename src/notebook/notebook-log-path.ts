import { join } from "node:path";

/** The bundled sample log (`data/sample/metrics.log` of this package). */
export function sampleLogPath(): string {
  return join(__dirname, "..", "..", "data", "sample", "metrics.log");
}

/**
 * The log a notebook reads: `$INTERVIEW_METRICS_LOG_PATH` when set, else the bundled sample.
 *
 * @example const t = await loadTables(notebookLogPath());
 */
export function notebookLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.INTERVIEW_METRICS_LOG_PATH || sampleLogPath();
}
