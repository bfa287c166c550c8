import type { PackedText } from "./text-column";
import type { InternerDelta } from "./interner";
import type { SpecKind } from "./column-spec";
import { MEDIA_SPECS, REPORT_SPECS } from "./column-specs";

/** What a chunk holds for a column of each kind: numbers as doubles, strings and lists as the thread's codes, text packed. */
export type ChunkColumn = Float64Array | Int32Array | PackedText;

/** The rows of one type in a chunk, in line order. */
export interface TableChunk {
  n: number;
  /** Line numbers; relative to the chunk (1 = its first line) when the chunk comes from a worker. */
  line: Float64Array;
  /** Session ids (coded by the assembler, in order of first appearance in the log). */
  session: string[];
  /**
   * One entry per spec of the table that the chunk carries (not `session`, `file`, `line`): `number`, `count`,
   * `timestamp` as `Float64Array` (`NaN` = missing); `string`, `list` (its `listKey`) as the thread's `Int32Array` codes;
   * `text` packed.
   */
  columns: Record<string, ChunkColumn>;
}

/** The session reports of a chunk, with their dimensions: names in order of first appearance in the chunk, scores (`NaN` = none), comment codes. */
export interface ReportChunk extends TableChunk {
  dimensions: string[];
  scores: Float64Array[];
  comments: Int32Array[];
}

/**
 * Validated rows of a run of lines folded into columns where they were parsed (a worker thread, or the caller's
 * thread), so that only typed arrays and distinct strings travel to the thread that keeps them.
 */
export interface StoreChunk {
  /** The values the thread's interner coded with this chunk (codes continue from its previous chunk unless `reset`). */
  dictionary: InternerDelta;
  reports: ReportChunk;
  media: TableChunk;
}

/** Kinds a chunk carries in `columns` (the others are `session`, `file` and `line`). */
export const CHUNK_KINDS: ReadonlySet<SpecKind> = new Set(["number", "count", "timestamp", "string", "list", "text"]);

/** The specs of each table that a chunk carries in `columns`. */
export const CHUNK_SPECS = {
  reports: REPORT_SPECS.filter((s) => CHUNK_KINDS.has(s.kind)),
  media: MEDIA_SPECS.filter((s) => CHUNK_KINDS.has(s.kind)),
};

/** The buffers of a chunk, to transfer (not copy) with `postMessage`. */
export function chunkTransferList(chunk: StoreChunk): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const add = (c: ChunkColumn) => {
    if (ArrayBuffer.isView(c)) buffers.push(c.buffer as ArrayBuffer);
    else buffers.push(c.bytes.buffer as ArrayBuffer, c.ends.buffer as ArrayBuffer);
  };
  for (const table of [chunk.reports, chunk.media]) {
    add(table.line);
    Object.values(table.columns).forEach(add);
  }
  chunk.reports.scores.forEach(add);
  chunk.reports.comments.forEach(add);
  return buffers;
}

/**
 * True when a value has a chunk's shape: every column its specs carry, each of the table's row count (what the
 * cache checks before it trusts a stored chunk).
 *
 * @example isStoreChunk(deserialize(record).parsed.columns)
 */
export function isStoreChunk(chunk: StoreChunk | undefined): boolean {
  if (!chunk || typeof chunk !== "object" || !chunk.dictionary || !Array.isArray(chunk.dictionary.added)) return false;
  const r = chunk.reports;
  return isTableChunk(r, CHUNK_SPECS.reports) && isTableChunk(chunk.media, CHUNK_SPECS.media)
    && Array.isArray(r.dimensions) && r.scores?.length === r.dimensions.length && r.comments?.length === r.dimensions.length
    && r.scores.every((s) => s instanceof Float64Array && s.length === r.n) && r.comments.every((c) => c instanceof Int32Array && c.length === r.n);
}

function isTableChunk(t: TableChunk | undefined, specs: readonly { name: string; kind: SpecKind }[]): boolean {
  if (!t || !Number.isSafeInteger(t.n) || !(t.line instanceof Float64Array) || t.line.length !== t.n || !Array.isArray(t.session) || t.session.length !== t.n) return false;
  return specs.every(({ name, kind }) => {
    const c = t.columns?.[name];
    if (kind === "text") return !!c && !ArrayBuffer.isView(c) && c.ends instanceof Uint32Array && c.ends.length === t.n && c.bytes instanceof Uint8Array;
    if (kind === "string" || kind === "list") return c instanceof Int32Array && c.length === t.n;
    return c instanceof Float64Array && c.length === t.n;
  });
}
