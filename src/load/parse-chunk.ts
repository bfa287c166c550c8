import { ChunkBuilder, type ColumnChunk, type Dictionary } from "../join/column-chunk";
import type { ByteChunk } from "./line-source";
import { scanChunk, type ScannedChunk } from "./scan-chunk";
import type { SchemaDrift } from "./schema-drift";

/** What a chunk of lines gave: its rows as columns, its issues and its schema drift. */
export interface ParsedChunk extends ScannedChunk {
  drift: SchemaDrift;
  columns: ColumnChunk;
}

/**
 * Parses and validates a chunk of whole lines (`scanChunk`, as `readMetrics` does) and folds its rows into
 * columns, coding repeated strings with the thread's `dictionary`. Runs on a worker thread in `loadTables`, or on
 * the caller's thread.
 *
 * @example parseChunk(chunk, new Dictionary(0)).columns.reports.n // session reports in the chunk
 */
export function parseChunk(chunk: ByteChunk, dictionary: Dictionary): ParsedChunk {
  const drift: SchemaDrift = new Map();
  let builder: ChunkBuilder | undefined;
  const scanned = scanChunk(chunk, drift, (row, line) => builder!.add(row, line), (lines) => (builder = new ChunkBuilder(lines, dictionary)));
  return { ...scanned, drift, columns: builder!.finish() };
}
