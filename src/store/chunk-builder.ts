import type { MetricsRow } from "../schema/metrics-row";
import type { SessionReport } from "../schema/session-report";
import { parseTimestamp } from "../schema/timestamp";
import type { ColumnSpec } from "./column-spec";
import { CHUNK_SPECS, type ChunkColumn, type ReportChunk, type StoreChunk, type TableChunk } from "./store-chunk";
import type { Interner } from "./interner";
import { TextBuilder } from "./text-column";
import { listKey } from "./list-interner";

/** Writes a row's value for one spec at index `i`; `finish` gives the column trimmed to `n` rows. */
interface SpecWriter<R> {
  write(row: R, i: number): void;
  finish(n: number): ChunkColumn;
}


/** The writer of a spec's column of `capacity` rows (strings and lists coded with the thread's `interner`). */
function specWriter<R>(spec: ColumnSpec<R>, capacity: number, interner: Interner): SpecWriter<R> {
  const read = spec.read as (row: R) => unknown;
  switch (spec.kind) {
    case "string":
    case "list": {
      const codes = new Int32Array(capacity);
      const key = spec.kind === "list" ? (row: R) => listKey(read(row) as string[] | null) : (row: R) => read(row) as string | null;
      return { write: (row, i) => void (codes[i] = interner.code(key(row))), finish: (n) => codes.slice(0, n) };
    }
    case "text": {
      const text = new TextBuilder(capacity);
      return { write: (row) => text.push(read(row) as string), finish: () => text.finish() };
    }
    default: {
      const values = new Float64Array(capacity);
      const write = spec.kind === "timestamp"
        ? (row: R, i: number) => void (values[i] = parseTimestamp(read(row) as string)!)
        : (row: R, i: number) => void (values[i] = (read(row) as number | null | undefined) ?? NaN);
      return { write, finish: (n) => values.slice(0, n) };
    }
  }
}

/** Folds rows of one type into a `TableChunk`, one writer per spec the chunk carries. */
class TableBuilder<R extends { session_id: string }> {
  n = 0;
  private line: Float64Array;
  private session: string[] = [];
  private writers: [string, SpecWriter<R>][];
  constructor(specs: readonly ColumnSpec<R>[], capacity: number, interner: Interner) {
    this.line = new Float64Array(capacity);
    this.writers = specs.map((s) => [s.name, specWriter(s, capacity, interner)]);
  }
  /** Adds a row; returns its index. */
  add(row: R, line: number): number {
    const i = this.n++;
    this.line[i] = line;
    this.session.push(row.session_id);
    for (const [, w] of this.writers) w.write(row, i);
    return i;
  }
  finish(): TableChunk {
    const columns: Record<string, ChunkColumn> = {};
    for (const [name, w] of this.writers) columns[name] = w.finish(this.n);
    return { n: this.n, line: this.line.slice(0, this.n), session: this.session, columns };
  }
}

/**
 * Folds up to `capacity` validated rows into a `StoreChunk`: the one place where a row's fields become columns,
 * each as its spec (`REPORT_SPECS`, `MEDIA_SPECS`) says. The worker path of `loadTables` and the by-hand
 * `createCollector` both go through it.
 *
 * @example const b = new ChunkBuilder(4096, new Interner({ id: 1 })); b.add(row, 1); b.finish().reports.n
 */
export class ChunkBuilder {
  private reports: TableBuilder<SessionReport>;
  private media;
  private dims = new Map<string, { scores: Float64Array; comments: Int32Array; filled: number }>();

  /** `interner`: the thread's, shared by all the chunks it builds for one reader. */
  constructor(readonly capacity: number, private interner: Interner) {
    this.reports = new TableBuilder(CHUNK_SPECS.reports as readonly ColumnSpec<SessionReport>[], capacity, interner);
    this.media = new TableBuilder(CHUNK_SPECS.media as readonly ColumnSpec<MetricsRow & { type: "media_report" }>[], capacity, interner);
  }

  /** Rows added so far. */
  get size(): number {
    return this.reports.n + this.media.n;
  }

  add(row: MetricsRow, line: number): void {
    if (this.size === this.capacity) throw new RangeError(`chunk full (${this.capacity} rows)`);
    if (row.type === "media_report") {
      this.media.add(row, line);
      return;
    }
    const i = this.reports.add(row, line);
    for (const d of row.evaluation.dimensions ?? []) {
      let dim = this.dims.get(d.name);
      if (!dim) this.dims.set(d.name, (dim = { scores: new Float64Array(this.capacity).fill(NaN), comments: new Int32Array(this.capacity), filled: 0 }));
      // A dimension named twice in one report keeps its first score, as the backend's readers do.
      if (dim.filled > i) continue;
      dim.comments.fill(this.interner.code(null), dim.filled, i);
      dim.scores[i] = d.score ?? NaN;
      dim.comments[i] = this.interner.code(d.comment);
      dim.filled = i + 1;
    }
  }

  /** The chunk's columns, trimmed to the rows added. */
  finish(): StoreChunk {
    const reports = this.reports.finish();
    const n = reports.n;
    const dims = [...this.dims.values()];
    const none = dims.length > 0 ? this.interner.code(null) : 0;
    for (const d of dims) d.comments.fill(none, d.filled, n);
    const chunk: ReportChunk = {
      ...reports,
      dimensions: [...this.dims.keys()],
      scores: dims.map((d) => d.scores.slice(0, n)),
      comments: dims.map((d) => d.comments.slice(0, n)),
    };
    return { dictionary: this.interner.take(), reports: chunk, media: this.media.finish() };
  }
}
