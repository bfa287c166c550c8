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
  // Lines bound the rows: a chunk has at most one row per newline, plus an unterminated last line.
  let newlines = 1;
  for (let i = chunk.bytes.indexOf(10); i >= 0; i = chunk.bytes.indexOf(10, i + 1)) newlines++;
  const builder = new ChunkBuilder(newlines, dictionary);
  const scanned = scanChunk(chunk, drift, (row, line) => builder.add(row, line));
  return { ...scanned, drift, columns: builder.finish() };
}
