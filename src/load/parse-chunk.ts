import { ChunkBuilder } from "../store/chunk-builder";
import type { StoreChunk } from "../store/store-chunk";
import type { Interner } from "../store/interner";
import type { ByteChunk } from "./line-source";
import { scanChunk, type ScannedChunk } from "./scan-chunk";
import type { SchemaDrift } from "./schema-drift";

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
  const drift: SchemaDrift = new Map();
  let builder: ChunkBuilder | undefined;
  const scanned = scanChunk(chunk, drift, (row, line) => builder!.add(row, line), (lines) => (builder = new ChunkBuilder(lines, dictionary)));
  return { ...scanned, drift, columns: builder!.finish() };
}
