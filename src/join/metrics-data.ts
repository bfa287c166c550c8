import type { LoadedRow } from "../load/read-metrics";
import { DIAGNOSTIC_COLUMNS, MEDIA_CATEGORIES, MEDIA_FEATURES, type DiagnosticColumn, type MediaCategory, type MediaFeature } from "./columns";
import { ChunkBuilder, Dictionary, type ColumnChunk, type DictColumn } from "./column-chunk";
import { Float64Parts, Interner } from "./number-column";

/** Every session report, in file order (current and superseded), as columns. Numbers: `NaN` = missing. */
export interface ReportColumns {
  session_id: string[];
  user_id: (string | null)[];
  /** Epoch milliseconds (UTC). */
  ts: Float64Array;
  ts_raw: string[];
  file: string[];
  line: Float64Array;
  overall_score: Float64Array;
  diagnostics: Record<DiagnosticColumn, Float64Array>;
  strength_tags: (readonly string[] | null)[];
  risk_tags: (readonly string[] | null)[];
  task_focus: (readonly string[] | null)[];
  n_tasks: Float64Array;
  n_timeline_events: Float64Array;
  /** Score per dimension name, in order of first appearance; `NaN` where the report has no score for it. */
  scores: Map<string, Float64Array>;
  /** Comment per dimension name; `null` where there is none. */
  comments: Map<string, (string | null)[]>;
}

/** Every media report, in file order, as columns. */
export interface MediaColumns {
  media_id: string[];
  session_id: string[];
  user_id: (string | null)[];
  media_type: string[];
  ts: Float64Array;
  ts_raw: string[];
  file: string[];
  line: Float64Array;
  features: Record<MediaFeature, Float64Array>;
  "audio.emotion": (string | null)[];
  "video.dominant_emotion": (string | null)[];
}

/** What the loader folded from a stream of rows: the input of every table builder. */
export interface MetricsData {
  reports: ReportColumns;
  media: MediaColumns;
  /** Index (into `reports`) of each session's current report: its latest by `ts`, later lines winning ties. */
  current: Map<string, number>;
  /** Per report: how many reports its session had, on the current report; 0 on a superseded one. */
  reportCounts: Float64Array;
  /** Dimension names in order of first appearance (never a fixed list). */
  dimensions: string[];
}

/**
 * Assembles `MetricsData` from column chunks taken in line order (from workers or from a `ChunkBuilder`):
 * numbers are kept as the chunks' typed arrays and concatenated once at the end; repeated strings and lists are
 * shared (one copy per distinct value).
 */
export class DataAssembler {
  private strings = new Interner<string>();
  /** Per parsing thread's dictionary: its values by code, and the lists they encode (decoded on first use). */
  private dictionaries = new Map<number, ChunkDictionary>();
  private reportCount = 0;
  private mediaCount = 0;
  private r = {
    session_id: [] as string[], user_id: [] as (string | null)[], ts: new Float64Parts(), ts_raw: [] as string[], file: [] as string[],
    line: new Float64Parts(), overall_score: new Float64Parts(), diagnostics: DIAGNOSTIC_COLUMNS.map(() => new Float64Parts()),
    strength_tags: [] as (readonly string[] | null)[], risk_tags: [] as (readonly string[] | null)[], task_focus: [] as (readonly string[] | null)[],
    n_tasks: new Float64Parts(), n_timeline_events: new Float64Parts(),
    scores: new Map<string, Float64Parts>(), comments: new Map<string, (string | null)[]>(),
  };
  private m = {
    media_id: [] as string[], session_id: [] as string[], user_id: [] as (string | null)[], media_type: [] as string[],
    ts: new Float64Parts(), ts_raw: [] as string[], file: [] as string[], line: new Float64Parts(),
    features: MEDIA_FEATURES.map(() => new Float64Parts()), categories: MEDIA_CATEGORIES.map(() => [] as (string | null)[]),
  };

  /** Rows appended so far. */
  get size(): number {
    return this.reportCount + this.mediaCount;
  }

  /** Appends a chunk read from `file`; `lineBase` is added to its line numbers (relative ones become absolute). */
  append(chunk: ColumnChunk, file: string, lineBase: number): void {
    const f = this.strings.get(file, () => file);
    const { reports: cr, media: cm } = chunk;
    const dict = this.dictionaries.get(chunk.dictionary.id) ?? { values: [], lists: [] };
    this.dictionaries.set(chunk.dictionary.id, dict);
    append(dict.values, chunk.dictionary.added);
    const r = this.r;
    const start = this.reportCount;
    append(r.session_id, cr.session_id);
    decode(dict, cr.user_id, r.user_id);
    r.ts.push(cr.ts);
    append(r.ts_raw, cr.ts_raw);
    for (let i = 0; i < cr.n; i++) r.file.push(f);
    r.line.push(offset(cr.line, lineBase));
    r.overall_score.push(cr.overall_score);
    cr.diagnostics.forEach((d, k) => r.diagnostics[k].push(d));
    this.decodeLists(dict, cr.strength_tags, r.strength_tags);
    this.decodeLists(dict, cr.risk_tags, r.risk_tags);
    this.decodeLists(dict, cr.task_focus, r.task_focus);
    r.n_tasks.push(cr.n_tasks);
    r.n_timeline_events.push(cr.n_timeline_events);
    cr.dimensions.forEach((name, k) => {
      let scores = r.scores.get(name);
      let comments = r.comments.get(name);
      if (!scores || !comments) {
        const key = this.strings.get(name, () => name);
        scores = new Float64Parts();
        comments = [];
        r.scores.set(key, scores);
        r.comments.set(key, comments);
      }
      scores.padTo(start);
      while (comments.length < start) comments.push(null);
      scores.push(cr.scores[k]);
      decode(dict, cr.comments[k], comments);
    });
    this.reportCount += cr.n;
    for (const [name, scores] of r.scores) {
      scores.padTo(this.reportCount);
      const comments = r.comments.get(name)!;
      while (comments.length < this.reportCount) comments.push(null);
    }

    const m = this.m;
    append(m.media_id, cm.media_id);
    append(m.session_id, cm.session_id);
    decode(dict, cm.user_id, m.user_id);
    decode(dict, cm.media_type, m.media_type as (string | null)[]);
    m.ts.push(cm.ts);
    append(m.ts_raw, cm.ts_raw);
    for (let i = 0; i < cm.n; i++) m.file.push(f);
    m.line.push(offset(cm.line, lineBase));
    cm.features.forEach((x, k) => m.features[k].push(x));
    cm.categories.forEach((c, k) => decode(dict, c, m.categories[k]));
    this.mediaCount += cm.n;
  }

  /** The assembled columns, with each session's current report. */
  finish(): MetricsData {
    const r = this.r;
    const m = this.m;
    const reports: ReportColumns = {
      session_id: r.session_id, user_id: r.user_id, ts: r.ts.concat(), ts_raw: r.ts_raw, file: r.file, line: r.line.concat(),
      overall_score: r.overall_score.concat(),
      diagnostics: Object.fromEntries(DIAGNOSTIC_COLUMNS.map((c, k) => [c, r.diagnostics[k].concat()])) as Record<DiagnosticColumn, Float64Array>,
      strength_tags: r.strength_tags, risk_tags: r.risk_tags, task_focus: r.task_focus,
      n_tasks: r.n_tasks.concat(), n_timeline_events: r.n_timeline_events.concat(),
      scores: new Map([...r.scores].map(([name, s]) => [name, s.concat()])), comments: r.comments,
    };
    const media: MediaColumns = {
      media_id: m.media_id, session_id: m.session_id, user_id: m.user_id, media_type: m.media_type, ts: m.ts.concat(), ts_raw: m.ts_raw,
      file: m.file, line: m.line.concat(),
      features: Object.fromEntries(MEDIA_FEATURES.map((f, k) => [f, m.features[k].concat()])) as Record<MediaFeature, Float64Array>,
      ...(Object.fromEntries(MEDIA_CATEGORIES.map((c, k) => [c, m.categories[k]])) as Record<MediaCategory, (string | null)[]>),
    };
    const current = new Map<string, number>();
    const reportCounts = new Float64Array(reports.session_id.length);
    for (let i = 0; i < reports.session_id.length; i++) {
      const sid = reports.session_id[i];
      const prev = current.get(sid);
      if (prev === undefined) {
        current.set(sid, i);
        reportCounts[i] = 1;
      } else if (reports.ts[i] >= reports.ts[prev]) {
        current.set(sid, i);
        reportCounts[i] = reportCounts[prev] + 1;
        reportCounts[prev] = 0;
      } else reportCounts[prev]++;
    }
    return { reports, media, current, reportCounts, dimensions: [...r.scores.keys()] };
  }

  /** Decodes a column of JSON-coded lists, each distinct list once (frozen, its strings shared). */
  private decodeLists(dict: ChunkDictionary, column: DictColumn, out: (readonly string[] | null)[]): void {
    const { values, lists } = dict;
    for (const code of column.codes) {
      let list = lists[code];
      if (list === undefined) {
        const json = values[code];
        list = lists[code] = json === null ? null : Object.freeze((JSON.parse(json) as string[]).map((s) => this.strings.get(s, () => s)));
      }
      out.push(list);
    }
  }
}

/** A parsing thread's dictionary as received: its values by code, and the lists they encode (decoded on first use). */
interface ChunkDictionary {
  values: (string | null)[];
  lists: (readonly string[] | null | undefined)[];
}

function decode(dict: ChunkDictionary, column: DictColumn, out: (string | null)[]): void {
  const values = dict.values;
  for (const code of column.codes) out.push(values[code]);
}

function append<T>(out: T[], xs: readonly T[]): void {
  for (let i = 0; i < xs.length; i++) out.push(xs[i]);
}

function offset(xs: Float64Array, by: number): Float64Array {
  if (by !== 0) for (let i = 0; i < xs.length; i++) xs[i] += by;
  return xs;
}

/** Folds validated rows into `MetricsData` as they stream, holding columns rather than row objects. */
export interface MetricsCollector {
  add(loaded: LoadedRow): void;
  /** The columns of every row added so far. */
  readonly data: MetricsData;
}

const CHUNK_ROWS = 4096;

/**
 * Creates a collector: feed it rows from `readMetrics` (or `loadMetrics().rows`), then build tables from `.data`.
 * (`loadTables` does the same from worker threads, without row objects on the caller's thread.)
 *
 * @example
 * const c = createCollector();
 * for await (const r of readMetrics("metrics.log")) c.add(r);
 * sessionsTable(c.data).numRows() // distinct sessions with a report
 */
export function createCollector(): MetricsCollector {
  const assembler = new DataAssembler();
  const dictionary = new Dictionary(0);
  let chunk = new ChunkBuilder(CHUNK_ROWS, dictionary);
  let chunkFile: string | undefined;
  let data: MetricsData | undefined;
  const flush = () => {
    if (chunk.size > 0) assembler.append(chunk.finish(), chunkFile!, 0);
    chunk = new ChunkBuilder(CHUNK_ROWS, dictionary);
  };
  return {
    add({ row, file, line }: LoadedRow): void {
      if (chunk.size === CHUNK_ROWS || (chunkFile !== undefined && file !== chunkFile)) flush();
      chunkFile = file;
      chunk.add(row, line);
      data = undefined;
    },
    get data(): MetricsData {
      if (!data) {
        flush();
        data = assembler.finish();
      }
      return data;
    },
  };
}
