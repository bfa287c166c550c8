import type { MetricsRow } from "../schema/metrics-row";
import type { SessionReport } from "../schema/session-report";
import type { MediaReport } from "../schema/media-report";
import { EMOTIONS } from "../schema/video-features";
import { parseTimestamp } from "../schema/timestamp";
import { AUDIO_NUMERIC, DIAGNOSTIC_COLUMNS, MEDIA_CATEGORIES, MEDIA_FEATURES, VIDEO_NUMERIC } from "./columns";
import { TextBuilder, type PackedText } from "./text-column";

/**
 * A column of repeated strings, dictionary-encoded: row i's value is entry `codes[i]` of the chunk's dictionary.
 * Sent between threads it costs 4 bytes a row; each distinct value travels once per thread, not once per row.
 */
export interface DictColumn {
  codes: Int32Array;
}

/**
 * The string dictionary of one parsing thread, shared by the chunks it builds: each value gets a code the first
 * time it is seen, and a chunk carries only the values added since the thread's previous chunk. Its memory is
 * bounded: once its values pass `maxChars` characters it starts afresh with the next chunk (which says so), so
 * free text that never repeats cannot grow a worker without end.
 */
export class Dictionary {
  private index = new Map<string | null, number>();
  private added: (string | null)[] = [];
  private chars = 0;
  private reset = false;
  constructor(readonly id: number, private readonly maxChars = 1 << 20) {}
  code(value: string | null | undefined): number {
    const v = value ?? null;
    let code = this.index.get(v);
    if (code === undefined) {
      code = this.index.size;
      this.index.set(v, code);
      this.added.push(v);
      this.chars += v === null ? 0 : v.length;
    }
    return code;
  }
  /** What a finished chunk carries: the values added since the last call, in code order, and whether codes restarted. */
  take(): { id: number; reset: boolean; added: (string | null)[] } {
    const taken = { id: this.id, reset: this.reset, added: this.added };
    this.added = [];
    this.reset = this.chars > this.maxChars;
    if (this.reset) {
      this.index.clear();
      this.chars = 0;
    }
    return taken;
  }
}

/** The session reports of a chunk, as columns (one entry per row, in line order). */
export interface ReportChunk {
  n: number;
  /** Line numbers; relative to the chunk (1 = its first line) when the chunk comes from a worker. */
  line: Float64Array;
  session_id: string[];
  user_id: DictColumn;
  ts: Float64Array;
  /** The log's timestamp strings, packed (they rarely repeat). */
  ts_raw: PackedText;
  overall_score: Float64Array;
  /** In `DIAGNOSTIC_COLUMNS` order. */
  diagnostics: Float64Array[];
  /** Tag and focus lists as JSON (`null` for a `null` list): decoded once per distinct list by the receiver. */
  strength_tags: DictColumn;
  risk_tags: DictColumn;
  task_focus: DictColumn;
  n_tasks: Float64Array;
  n_timeline_events: Float64Array;
  /** Dimension names in order of first appearance in the chunk, with their scores (`NaN` = none) and comments. */
  dimensions: string[];
  scores: Float64Array[];
  comments: DictColumn[];
}

/** The media reports of a chunk, as columns. */
export interface MediaChunk {
  n: number;
  line: Float64Array;
  media_id: PackedText;
  session_id: string[];
  user_id: DictColumn;
  media_type: DictColumn;
  ts: Float64Array;
  ts_raw: PackedText;
  /** In `MEDIA_FEATURES` order. */
  features: Float64Array[];
  /** In `MEDIA_CATEGORIES` order. */
  categories: DictColumn[];
}

/**
 * Validated rows of a run of lines folded into columns where they were parsed (a worker thread, or the caller's
 * thread), so that only typed arrays and distinct strings travel to the thread that keeps them.
 */
export interface ColumnChunk {
  /**
   * The dictionary the chunk's codes refer to, and the values it gained with this chunk: codes continue from the
   * thread's previous chunk, or start again at 0 when `reset` is set.
   */
  dictionary: { id: number; reset: boolean; added: (string | null)[] };
  reports: ReportChunk;
  media: MediaChunk;
}

/** The buffers of a chunk, to transfer (not copy) with `postMessage`. */
export function chunkTransferList(chunk: ColumnChunk): ArrayBuffer[] {
  const { reports: r, media: m } = chunk;
  const arrays = [
    r.line, r.ts, r.overall_score, ...r.diagnostics, r.n_tasks, r.n_timeline_events, ...r.scores, r.ts_raw.bytes, r.ts_raw.ends,
    r.user_id.codes, r.strength_tags.codes, r.risk_tags.codes, r.task_focus.codes, ...r.comments.map((c) => c.codes),
    m.line, m.ts, ...m.features, m.ts_raw.bytes, m.ts_raw.ends, m.media_id.bytes, m.media_id.ends,
    m.user_id.codes, m.media_type.codes, ...m.categories.map((c) => c.codes),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Builds a `DictColumn` row by row, coding values with a thread's `Dictionary`. */
class DictBuilder {
  private codes: Int32Array;
  length = 0;
  constructor(capacity: number, private dictionary: Dictionary) {
    this.codes = new Int32Array(capacity);
  }
  push(value: string | null | undefined): void {
    this.codes[this.length++] = this.dictionary.code(value);
  }
  /** Pads with `null` up to `length` (a column that appeared after earlier rows). */
  padTo(length: number): void {
    while (this.length < length) this.push(null);
  }
  finish(n: number): DictColumn {
    this.padTo(n);
    return { codes: this.codes.slice(0, n) };
  }
}

const filled = (capacity: number) => new Float64Array(capacity).fill(NaN);
const listJson = (xs: readonly string[] | null | undefined) => (xs == null ? null : JSON.stringify(xs));

/**
 * Folds up to `capacity` validated rows into a `ColumnChunk`. The one place where a row's fields become columns:
 * the worker path of `loadTables` and the by-hand `createCollector` both go through it.
 */
export class ChunkBuilder {
  private r;
  private m;
  private dims = new Map<string, { scores: Float64Array; comments: DictBuilder }>();

  /** `dictionary`: the thread's string dictionary, shared by all the chunks it builds for one reader. */
  constructor(readonly capacity: number, private dictionary: Dictionary) {
    const n = capacity;
    const dict = () => new DictBuilder(n, dictionary);
    this.r = {
      n: 0, line: new Float64Array(n), session_id: [] as string[], user_id: dict(), ts: new Float64Array(n), ts_raw: new TextBuilder(n),
      overall_score: new Float64Array(n), diagnostics: DIAGNOSTIC_COLUMNS.map(() => new Float64Array(n)),
      strength_tags: dict(), risk_tags: dict(), task_focus: dict(),
      n_tasks: new Float64Array(n), n_timeline_events: new Float64Array(n),
    };
    this.m = {
      n: 0, line: new Float64Array(n), media_id: new TextBuilder(n), session_id: [] as string[], user_id: dict(), media_type: dict(),
      ts: new Float64Array(n), ts_raw: new TextBuilder(n), features: MEDIA_FEATURES.map(() => new Float64Array(n)),
      categories: MEDIA_CATEGORIES.map(() => dict()),
    };
  }

  /** Rows added so far. */
  get size(): number {
    return this.r.n + this.m.n;
  }

  add(row: MetricsRow, line: number): void {
    if (this.size === this.capacity) throw new RangeError(`chunk full (${this.capacity} rows)`);
    if (row.type === "session_report") this.addReport(row, line);
    else this.addMedia(row, line);
  }

  /** The columns both row types have; returns the row's index in its type's columns. */
  private addCommon(cols: ChunkBuilder["r"] | ChunkBuilder["m"], row: MetricsRow, line: number): number {
    const i = cols.n++;
    cols.line[i] = line;
    cols.session_id.push(row.session_id);
    cols.user_id.push(row.user_id);
    cols.ts[i] = parseTimestamp(row.ts)!;
    cols.ts_raw.push(row.ts);
    return i;
  }

  private addReport(row: SessionReport, line: number): void {
    const r = this.r;
    const i = this.addCommon(r, row, line);
    const ev = row.evaluation;
    r.overall_score[i] = ev.overall_score ?? NaN;
    const diag = row.diagnostics;
    for (let k = 0; k < DIAGNOSTIC_COLUMNS.length; k++) r.diagnostics[k][i] = diag?.[DIAGNOSTIC_COLUMNS[k]] ?? NaN;
    r.strength_tags.push(listJson(ev.strength_tags));
    r.risk_tags.push(listJson(ev.risk_tags));
    const tasks = ev.suggested_next_tasks ?? null;
    r.task_focus.push(tasks ? JSON.stringify(tasks.map((t) => t.focus)) : null);
    r.n_tasks[i] = tasks ? tasks.length : 0;
    r.n_timeline_events[i] = ev.timeline_events ? ev.timeline_events.length : 0;
    for (const d of ev.dimensions ?? []) {
      let dim = this.dims.get(d.name);
      if (!dim) {
        dim = { scores: filled(this.capacity), comments: new DictBuilder(this.capacity, this.dictionary) };
        this.dims.set(d.name, dim);
      }
      dim.comments.padTo(i);
      // A dimension named twice in one report keeps its first score, as the backend's readers do.
      if (dim.comments.length === i) {
        dim.scores[i] = d.score ?? NaN;
        dim.comments.push(d.comment);
      }
    }
  }

  private addMedia(row: MediaReport, line: number): void {
    const m = this.m;
    const i = this.addCommon(m, row, line);
    m.media_id.push(row.media_id);
    m.media_type.push(row.media_type);
    const a = row.audio_features;
    const v = row.video_features;
    const dist = v?.emotion_distribution;
    const f = m.features;
    let k = 0;
    for (const name of AUDIO_NUMERIC) f[k++][i] = a?.[name] ?? NaN;
    for (const name of VIDEO_NUMERIC) f[k++][i] = v?.[name] ?? NaN;
    for (const e of EMOTIONS) f[k++][i] = dist?.[e] ?? NaN;
    m.categories[0].push(a?.emotion);
    m.categories[1].push(v?.dominant_emotion);
  }

  /** The chunk's columns, trimmed to the rows added. */
  finish(): ColumnChunk {
    const r = this.r;
    const m = this.m;
    const cut = (a: Float64Array, n: number) => a.slice(0, n);
    return {
      dictionary: this.dictionary.take(),
      reports: {
        n: r.n, line: cut(r.line, r.n), session_id: r.session_id, user_id: r.user_id.finish(r.n), ts: cut(r.ts, r.n), ts_raw: r.ts_raw.finish(),
        overall_score: cut(r.overall_score, r.n), diagnostics: r.diagnostics.map((d) => cut(d, r.n)),
        strength_tags: r.strength_tags.finish(r.n), risk_tags: r.risk_tags.finish(r.n), task_focus: r.task_focus.finish(r.n),
        n_tasks: cut(r.n_tasks, r.n), n_timeline_events: cut(r.n_timeline_events, r.n),
        dimensions: [...this.dims.keys()],
        scores: [...this.dims.values()].map((d) => cut(d.scores, r.n)),
        comments: [...this.dims.values()].map((d) => d.comments.finish(r.n)),
      },
      media: {
        n: m.n, line: cut(m.line, m.n), media_id: m.media_id.finish(), session_id: m.session_id, user_id: m.user_id.finish(m.n),
        media_type: m.media_type.finish(m.n), ts: cut(m.ts, m.n), ts_raw: m.ts_raw.finish(), features: m.features.map((f) => cut(f, m.n)),
        categories: m.categories.map((c) => c.finish(m.n)),
      },
    };
  }
}
