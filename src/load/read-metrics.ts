import type { MetricsRow } from "../schema/metrics-row";
import { readByteChunks, defaultLogPath, type ByteChunkOptions } from "./line-source";
import { MetricsLoadError, MetricsSourceError, type LoadIssue } from "./load-issue";
import { fileKey } from "../io/output-check";
import { STDIN } from "./source-kind";
import { scanChunk } from "./scan-chunk";
import type { SchemaDrift } from "./schema-drift";

/** A validated row with where it came from. */
export interface LoadedRow {
  file: string;
  line: number;
  row: MetricsRow;
}

/** Options of `readMetrics` and `loadMetrics`. */
export interface ReadOptions extends ByteChunkOptions {
  /** Stop at the first line that does not become a row, throwing `MetricsLoadError` (warnings never stop). Default `false`. */
  strict?: boolean;
  /** Called with every issue, in file and line order. */
  onIssue?: (issue: LoadIssue) => void;
  /** Receives the count of unknown keys per key path; pass a `Map` to read it afterwards. */
  drift?: SchemaDrift;
}

/**
 * Normalises the `sources` argument: a path, several, or none (then `$INTERVIEW_METRICS_LOG_PATH`, else
 * `metrics.log`). Throws `MetricsSourceError` when one file is given twice, under any name (`sameFile`: a link, `./`,
 * `-` twice; compared by `fileKey`): its rows would count twice, and a named pipe read twice would wait forever.
 *
 * @example resolveSources(["a.log", "./a.log"]) // throws "cannot read ./a.log: it is a.log again (give each log once)"
 */
export function resolveSources(sources?: string | readonly string[]): string[] {
  if (sources === undefined) return [defaultLogPath()];
  const list = typeof sources === "string" ? [sources] : [...sources];
  const seen = new Map<string, string>();
  for (const source of list) {
    const key = source === STDIN ? STDIN : fileKey(source);
    const twin = seen.get(key);
    if (twin !== undefined) throw new MetricsSourceError(source, `it is ${twin === source ? "given twice" : `${twin} again`} (give each log once)`);
    seen.set(key, source);
  }
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
    let lineBase = 0;
    for await (const chunk of readByteChunks(source, options)) {
      const rows: LoadedRow[] = [];
      const base = lineBase;
      const scanned = scanChunk(chunk, drift, (row, line) => rows.push({ file: chunk.file, line: base + line, row }));
      for (const relative of scanned.issues) {
        const issue = { ...relative, line: relative.line + base };
        if (options.strict && issue.severity === "error") throw new MetricsLoadError(issue);
        onIssue(issue);
      }
      lineBase += scanned.lines;
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
