import { ChunkBuilder } from "../store/chunk-builder";
import type { StoreChunk } from "../store/store-chunk";
import type { Interner } from "../store/interner";
import type { ByteChunk } from "./line-source";
import { scanChunk, type ScannedChunk } from "./scan-chunk";
import type { SchemaDrift } from "./schema-drift";
import type { MetricsRow } from "../schema/metrics-row";

/** What a chunk of lines gave: its rows as columns, its issues and its schema drift. */
export interface ParsedChunk extends ScannedChunk {
  drift: SchemaDrift;
  columns: StoreChunk;
}

/**
 * Parses and validates a chunk of whole lines (`scanChunk`, as `readMetrics` does) and folds its rows into
 * columns, coding repeated strings with the thread's `dictionary`. Runs on a worker thread in `loadTables`, or on
 * the caller's thread.
 *
 * @example parseChunk(chunk, new Interner()).columns.reports.n // session reports in the chunk
 */
export function parseChunk(chunk: ByteChunk, dictionary: Interner): ParsedChunk {
  // Room for a row a line; a line of rows joined by a missing newline (`joined_rows`, rare) can hold more: the chunk
  // is then scanned again with room for every row the first scan counted.
  for (let capacity: number | undefined; ; ) {
    const drift: SchemaDrift = new Map();
    let builder: ChunkBuilder | undefined;
    let rows = 0;
    const add = (row: MetricsRow, line: number) => (++rows <= builder!.capacity ? builder!.add(row, line) : undefined);
    const scanned = scanChunk(chunk, drift, add, (lines) => (builder = new ChunkBuilder(capacity ?? lines, dictionary)));
    if (rows <= builder!.capacity) return { ...scanned, drift, columns: builder!.finish() };
    capacity = rows;
  }
}
