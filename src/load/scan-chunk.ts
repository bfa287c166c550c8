import type { MetricsRow } from "../schema/metrics-row";
import { chunkLines, type ByteChunk, type LongLine } from "./line-source";
import type { LoadIssue } from "./load-issue";
import { parseLine } from "./parse-line";
import type { SchemaDrift } from "./schema-drift";

/** What scanning a chunk gave besides its rows. */
export interface ScannedChunk {
  /** Lines in the chunk, blank ones included (the next chunk's numbering starts after them). */
  lines: number;
  /** Every issue, in line order, numbered relative to the chunk (1 = its first line). */
  issues: LoadIssue[];
}

/**
 * Parses and validates every line of a chunk (`parseLine`), handing each row to `onRow` with its line number
 * relative to the chunk. Blank lines are skipped; a long line, a line with bytes that are not UTF-8 and the source's
 * gzip problem (at the line reached) become issues. `onLines` learns the number of lines before any row. The one loop of both loading paths (`readMetrics` and the
 * workers of `loadTables`), so that they give the same rows and issues.
 *
 * @example scanChunk(chunk, drift, (row, line) => rows.push(row)) // { lines: 1024, issues: [...] }
 */
export function scanChunk(
  chunk: ByteChunk,
  drift: SchemaDrift,
  onRow: (row: MetricsRow, line: number) => void,
  onLines?: (lines: number) => void,
): ScannedChunk {
  const { lines, invalidUtf8 } = chunkLines(chunk);
  onLines?.(lines.length);
  const long = new Map<number, LongLine>(chunk.long?.map((l) => [l.index, l]));
  const issues: LoadIssue[] = [];
  const last = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const longLine = long.get(i);
    if (!longLine && (text.length === 0 || text.trim().length === 0)) continue;
    const where = { file: chunk.file, line: i + 1, last: chunk.unterminated && i === last, invalidUtf8: invalidUtf8?.has(i), long: longLine };
    const parsed = parseLine(text, where, drift);
    for (const issue of parsed.issues) issues.push(issue);
    if (parsed.before) for (const row of parsed.before) onRow(row, i + 1);
    if (parsed.row) onRow(parsed.row, i + 1);
  }
  const p = chunk.problem;
  if (p) issues.push({ file: chunk.file, line: chunk.unterminated ? lines.length : lines.length + 1, severity: p.severity, code: p.code, path: "", message: p.message });
  return { lines: lines.length, issues };
}
