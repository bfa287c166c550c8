import { ChunkBuilder, type ColumnChunk, type Dictionary } from "../join/column-chunk";
import { chunkLines, type ByteChunk } from "./line-source";
import type { LoadIssue } from "./load-issue";
import { parseLine } from "./parse-line";
import type { SchemaDrift } from "./schema-drift";

/** What a chunk of lines gave: its rows as columns, its issues and its schema drift. */
export interface ParsedChunk {
  /** Lines in the chunk, blank ones included (the next chunk's numbering starts after them). */
  lines: number;
  /** Every issue, in line order, numbered relative to the chunk (1 = its first line). */
  issues: LoadIssue[];
  drift: SchemaDrift;
  columns: ColumnChunk;
}

/**
 * Parses and validates a chunk of whole lines (as `readMetrics` does line by line) and folds its rows into
 * columns, coding repeated strings with the thread's `dictionary`. Runs on a worker thread in `loadTables`, or on
 * the caller's thread.
 */
export function parseChunk(chunk: ByteChunk, dictionary: Dictionary): ParsedChunk {
  const lines = chunkLines(chunk);
  const issues: LoadIssue[] = [];
  const drift: SchemaDrift = new Map();
  const builder = new ChunkBuilder(lines.length, dictionary);
  const last = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (text.length === 0 || text.trim().length === 0) continue;
    const parsed = parseLine(text, { file: chunk.file, line: i + 1, last: chunk.unterminated && i === last }, drift);
    for (const issue of parsed.issues) issues.push(issue);
    if (parsed.row) builder.add(parsed.row, i + 1);
  }
  return { lines: lines.length, issues, drift, columns: builder.finish() };
}
