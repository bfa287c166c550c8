import type { LoadedRow } from "../load/read-metrics";
import { StoreAssembler } from "../store/store-assembler";
import { ChunkBuilder } from "../store/chunk-builder";
import { Interner, PARSER_INTERNER_CHARS } from "../store/interner";
import type { MetricsData } from "../store/metrics-data";

/** Folds validated rows into `MetricsData` as they stream, holding columns rather than row objects. */
export interface MetricsCollector {
  add(loaded: LoadedRow): void;
  /** The columns of every row added so far. */
  readonly data: MetricsData;
}

const CHUNK_ROWS = 4096;

/**
 * Creates a collector: feed it rows from `readMetrics` (or `loadMetrics().rows`), then build tables from `.data`.
 * (`loadTables` does the same from worker threads, without row objects on the caller's thread.)
 *
 * @example
 * const c = createCollector();
 * for await (const r of readMetrics("metrics.log")) c.add(r);
 * sessionsTable(c.data).numRows() // distinct sessions with a report
 */
export function createCollector(): MetricsCollector {
  const assembler = StoreAssembler.create();
  const dictionary = new Interner({ maxChars: PARSER_INTERNER_CHARS });
  let chunk = new ChunkBuilder(CHUNK_ROWS, dictionary);
  let chunkFile: string | undefined;
  let data: MetricsData | undefined;
  const flush = () => {
    if (chunk.size > 0) assembler.append(chunk.finish(), chunkFile!, 0);
    chunk = new ChunkBuilder(CHUNK_ROWS, dictionary);
  };
  return {
    add({ row, file, line }: LoadedRow): void {
      if (chunk.size === CHUNK_ROWS || (chunkFile !== undefined && file !== chunkFile)) flush();
      chunkFile = file;
      chunk.add(row, line);
      data = undefined;
    },
    get data(): MetricsData {
      if (!data) {
        flush();
        data = assembler.finish();
      }
      return data;
    },
  };
}
