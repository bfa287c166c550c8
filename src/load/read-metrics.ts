import type { MetricsRow } from "../schema/metrics-row";
import { readLineBatches, defaultLogPath } from "./line-source";
import { MetricsLoadError, type LoadIssue } from "./load-issue";
import { parseLine } from "./parse-line";
import type { SchemaDrift } from "./schema-drift";

/** A validated row with where it came from. */
export interface LoadedRow {
  file: string;
  line: number;
  row: MetricsRow;
}

/** Options of `readMetrics` and `loadMetrics`. */
export interface ReadOptions {
  /** Stop at the first line that does not become a row, throwing `MetricsLoadError` (warnings never stop). Default `false`. */
  strict?: boolean;
  /** Called with every issue, in file and line order. */
  onIssue?: (issue: LoadIssue) => void;
  /** Receives the count of unknown keys per key path; pass a `Map` to read it afterwards. */
  drift?: SchemaDrift;
  /** Read chunk size in bytes. Default 1 MiB. */
  highWaterMark?: number;
}

/** Normalises the `sources` argument: a path, several, or none (then `$INTERVIEW_METRICS_LOG_PATH`, else `metrics.log`). */
export function resolveSources(sources?: string | readonly string[]): string[] {
  if (sources === undefined) return [defaultLogPath()];
  const list = typeof sources === "string" ? [sources] : [...sources];
  return list.length > 0 ? list : [defaultLogPath()];
}

/**
 * Streams validated rows from one or more logs in batches (one per read chunk), in constant memory.
 * Every line that does not become a row is passed to `onIssue`; nothing is dropped silently.
 * Throws `MetricsSourceError` when a file cannot be read, and `MetricsLoadError` in strict mode.
 */
export async function* readMetricsBatches(sources?: string | readonly string[], options: ReadOptions = {}): AsyncGenerator<LoadedRow[], void, undefined> {
  const drift = options.drift ?? new Map();
  const onIssue = options.onIssue ?? (() => {});
  for (const source of resolveSources(sources)) {
    for await (const batch of readLineBatches(source, options)) {
      const rows: LoadedRow[] = [];
      const lines = batch.lines;
      for (let i = 0; i < lines.length; i++) {
        const text = lines[i];
        if (text.length === 0 || (text.trim().length === 0)) continue;
        const line = batch.first + i;
        const parsed = parseLine(text, { file: batch.file, line, last: batch.unterminated && i === lines.length - 1 }, drift);
        for (const issue of parsed.issues) {
          if (options.strict && issue.severity === "error") throw new MetricsLoadError(issue);
          onIssue(issue);
        }
        if (parsed.row) rows.push({ file: batch.file, line, row: parsed.row });
      }
      if (rows.length > 0) yield rows;
    }
  }
}

/**
 * Streams validated rows from one or more logs, one at a time.
 *
 * @example
 * for await (const { line, row } of readMetrics("metrics.log", { onIssue: (i) => console.warn(formatIssue(i)) })) {
 *   if (row.type === "session_report") console.log(line, row.evaluation.overall_score);
 * }
 */
export async function* readMetrics(sources?: string | readonly string[], options: ReadOptions = {}): AsyncGenerator<LoadedRow, void, undefined> {
  for await (const batch of readMetricsBatches(sources, options)) yield* batch;
}
