import type { LoadIssue } from "./load-issue";
import { readMetricsBatches, resolveSources, type LoadedRow, type ReadOptions } from "./read-metrics";
import type { SchemaDrift } from "./schema-drift";

/** Everything `loadMetrics` read: the rows, the issues and the schema drift. */
export interface LoadResult {
  files: string[];
  rows: LoadedRow[];
  issues: LoadIssue[];
  drift: SchemaDrift;
}

/**
 * Reads whole logs into memory: every good row, every issue. For logs too large to hold, use `readMetrics`
 * or `loadTables`, which fold rows into tables as they stream.
 *
 * @example
 * const { rows, issues } = await loadMetrics("data/sample/metrics.log");
 * // rows.length === 1234, issues: [{ file, line: 17, severity: "warning", code: "non_finite", path: "audio_features.speech_rate", … }]
 */
export async function loadMetrics(sources?: string | readonly string[], options: ReadOptions = {}): Promise<LoadResult> {
  const files = resolveSources(sources);
  const issues: LoadIssue[] = [];
  const drift: SchemaDrift = options.drift ?? new Map();
  const rows: LoadedRow[] = [];
  for await (const batch of readMetricsBatches(files, {
    ...options,
    drift,
    onIssue: (issue) => {
      issues.push(issue);
      options.onIssue?.(issue);
    },
  })) {
    for (const r of batch) rows.push(r);
  }
  return { files: files.map((f) => (f === "-" ? "<stdin>" : f)), rows, issues, drift };
}
