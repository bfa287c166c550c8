import type { ColumnSpec } from "./column-spec";
import { CHUNK_SPECS, type ChunkColumn, type StoreChunk, type TableChunk } from "./store-chunk";
import type { CodedColumn } from "./coded-column";
import type { TextColumn, PackedText } from "./text-column";
import type { Column } from "./column";
import type { MetricsData } from "./metrics-data";
import { listKey } from "./list-interner";

/** Interner ids of chunks made from data: below any parsing thread's (those count up from 0). */
let nextId = -1;

/**
 * The data of one file (an assembler's `finish`, or a snapshot restored) as one `StoreChunk`, its line numbers
 * absolute: what appends a second file's snapshot to a load (`assembler.append(dataChunk(data), file, 0)`). Its
 * interner delta is the data's value lists (strings, then lists by their `listKey`), starting afresh.
 *
 * @example assembler.append(dataChunk(restoreSnapshot(s, "metrics.log.1")), "metrics.log.1", 0)
 */
export function dataChunk(data: MetricsData): StoreChunk {
  const strings = data.reports.user_id.values;
  const lists = data.reports.strength_tags.values;
  const added = [...strings, ...lists.map(listKey)];
  const codes = { strings: 0, lists: strings.length };
  const r = data.reports;
  return {
    dictionary: { id: nextId--, reset: true, added },
    reports: {
      ...table(r, CHUNK_SPECS.reports as readonly ColumnSpec<never>[], codes),
      dimensions: [...data.dimensions],
      scores: data.dimensions.map((d) => Float64Array.from(r.scores.get(d)!)),
      comments: data.dimensions.map((d) => Int32Array.from(r.comments.get(d)!.codes)),
    },
    media: table(data.media, CHUNK_SPECS.media as readonly ColumnSpec<never>[], codes),
  };
}

/** One table's columns as a chunk's: numbers as doubles, codes shifted into the delta, text packed in one part. */
function table(columns: object, specs: readonly ColumnSpec<never>[], codes: { strings: number; lists: number }): TableChunk {
  const all = columns as Record<string, Column<unknown>>;
  const n = all.ts.length;
  const out: Record<string, ChunkColumn> = {};
  for (const { name, kind } of specs) {
    const c = all[name];
    if (kind === "string" || kind === "list") {
      const shift = codes[kind === "list" ? "lists" : "strings"];
      out[name] = Int32Array.from((c as CodedColumn<unknown>).codes, (code) => code + shift);
    } else if (kind === "text") out[name] = packed(c as TextColumn);
    else out[name] = Float64Array.from(c as Column<number>);
  }
  return { n, line: Float64Array.from(all.line as Column<number>), session: Array.from(all.session_id as Column<string>), columns: out };
}

/** A text column's blocks joined into one packed part. */
function packed(c: TextColumn): PackedText {
  const size = c.blocks.reduce((s, b) => s + b.bytes.length, 0);
  const bytes = new Uint8Array(size);
  const ends = new Uint32Array(c.length);
  let at = 0;
  let row = 0;
  for (const b of c.blocks) {
    bytes.set(b.bytes, at);
    for (let j = 0; j < b.ends.length; j++) ends[row++] = b.ends[j] + at;
    at += b.bytes.length;
  }
  return { bytes, ends };
}
