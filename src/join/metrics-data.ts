import type { LoadedRow } from "../load/read-metrics";
import { AUDIO_FEATURES, DIAGNOSTIC_COLUMNS, MEDIA_CATEGORIES, MEDIA_FEATURES, VIDEO_FEATURES, type DiagnosticColumn, type MediaCategory, type MediaFeature } from "./columns";
import { ChunkBuilder, Dictionary, type ColumnChunk, type DictColumn } from "./column-chunk";
import { CodedColumn } from "./coded-column";
import { TextColumn, TextParts } from "./text-column";
import { BlockParts, type BlockColumn, type NumberColumn } from "./block-column";
import { SparseParts } from "./sparse-column";
import type { Column } from "./column";

/** Every session report, in file order (current and superseded), as columns. Numbers: `NaN` = missing. */
export interface ReportColumns {
  /** Codes index `MetricsData.sessionIds`. */
  session_id: CodedColumn<string>;
  user_id: CodedColumn<string | null>;
  /** Epoch milliseconds (UTC). */
  ts: NumberColumn;
  ts_raw: TextColumn;
  file: CodedColumn<string>;
  line: BlockColumn<Uint32Array>;
  overall_score: NumberColumn;
  diagnostics: Record<DiagnosticColumn, NumberColumn>;
  strength_tags: CodedColumn<readonly string[] | null>;
  risk_tags: CodedColumn<readonly string[] | null>;
  task_focus: CodedColumn<readonly string[] | null>;
  n_tasks: NumberColumn;
  n_timeline_events: NumberColumn;
  /** Score per dimension name, in order of first appearance; `NaN` where the report has no score for it. */
  scores: Map<string, NumberColumn>;
  /** Comment per dimension name; `null` where there is none. */
  comments: Map<string, CodedColumn<string | null>>;
}

/** Every media report, in file order, as columns. */
export interface MediaColumns {
  media_id: TextColumn;
  /** Codes index `MetricsData.sessionIds`. */
  session_id: CodedColumn<string>;
  user_id: CodedColumn<string | null>;
  media_type: CodedColumn<string>;
  ts: NumberColumn;
  ts_raw: TextColumn;
  file: CodedColumn<string>;
  line: BlockColumn<Uint32Array>;
  /** Audio features in `BlockColumn`s; video features, absent from audio-only reports, in `SparseColumn`s. */
  features: Record<MediaFeature, Column<number>>;
  "audio.emotion": CodedColumn<string | null>;
  "video.dominant_emotion": CodedColumn<string | null>;
}

/**
 * What the loader folded from a stream of rows: the input of every table builder. Numbers are `BlockColumn`s; strings
 * and lists are dictionary-coded (`CodedColumn`, one copy per distinct value) or packed (`TextColumn`), read with
 * `at(i)` or iterated.
 */
export interface MetricsData {
  reports: ReportColumns;
  media: MediaColumns;
  /** Every session_id, reported or not, in order of first appearance: the sessions' codes index it. */
  sessionIds: string[];
  /** Per session (by code): the index (into `reports`) of its current report — its latest by `ts`, later lines winning ties — or -1 when it has none. */
  current: Int32Array;
  /** Per session (by code): how many reports it had. */
  reportCounts: Int32Array;
  /** Sessions with at least one report. */
  reportedSessions: number;
  /** Dimension names in order of first appearance (never a fixed list). */
  dimensions: string[];
}

const itself = <T>(key: string | null) => key as T | null;

/** A value dictionary of coded columns: each key gets the next code the first time; code 0 is `null` unless `nullFirst` is false. */
class Values<T> {
  readonly values: (T | null)[] = [];
  private index = new Map<string | null, number>();
  constructor(nullFirst = true) {
    if (nullFirst) this.code(null);
  }
  /** The key's code; `make` gives the value a new key stands for (by default the key itself). */
  code(key: string | null, make: (key: string | null) => T | null = itself): number {
    let code = this.index.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(key, code);
      this.values.push(make(key));
    }
    return code;
  }
}

/** Where the audio and the video features sit in a chunk's `features` (in `MEDIA_FEATURES` order). */
const AUDIO_AT = AUDIO_FEATURES.map((f) => MEDIA_FEATURES.indexOf(f));
const VIDEO_AT = VIDEO_FEATURES.map((f) => MEDIA_FEATURES.indexOf(f));

/** A parsing thread's dictionary as seen here: its codes mapped to this assembler's string and list codes. */
interface ChunkDictionary {
  strings: number[];
  /** -1 until a code is first read as a list. */
  lists: number[];
}

/**
 * Assembles `MetricsData` from column chunks taken in line order (from workers or from a `ChunkBuilder`): numbers
 * and codes are appended to fixed-size blocks (`BlockColumn`), never copied or regrown; each distinct string and list is kept once; the
 * parsing threads' dictionary codes are mapped to one dictionary.
 */
export class DataAssembler {
  private strings = new Values<string>();
  private lists = new Values<readonly string[]>();
  /** Session ids, coded from 0 in order of first appearance. */
  private sessionIds = new Values<string>(false);
  private dictionaries = new Map<number, ChunkDictionary>();
  private reportCount = 0;
  private mediaCount = 0;
  private r = {
    session_id: new BlockParts(Int32Array), user_id: new BlockParts(Int32Array), ts: new BlockParts(Float64Array), ts_raw: new TextParts(),
    file: new BlockParts(Int32Array), line: new BlockParts(Uint32Array), overall_score: new BlockParts(Float64Array),
    diagnostics: DIAGNOSTIC_COLUMNS.map(() => new BlockParts(Float64Array)),
    strength_tags: new BlockParts(Int32Array), risk_tags: new BlockParts(Int32Array), task_focus: new BlockParts(Int32Array),
    n_tasks: new BlockParts(Float64Array), n_timeline_events: new BlockParts(Float64Array),
    scores: new Map<string, BlockParts<Float64Array>>(), comments: new Map<string, BlockParts<Int32Array>>(),
  };
  private m = {
    media_id: new TextParts(), session_id: new BlockParts(Int32Array), user_id: new BlockParts(Int32Array), media_type: new BlockParts(Int32Array),
    ts: new BlockParts(Float64Array), ts_raw: new TextParts(), file: new BlockParts(Int32Array), line: new BlockParts(Uint32Array),
    audio: AUDIO_FEATURES.map(() => new BlockParts(Float64Array)), video: new SparseParts(VIDEO_FEATURES.length), categories: MEDIA_CATEGORIES.map(() => new BlockParts(Int32Array)),
  };

  /** Rows appended so far. */
  get size(): number {
    return this.reportCount + this.mediaCount;
  }

  /**
   * Forgets the parsing threads' dictionaries: the chunks appended next come from a new run of dictionaries (a
   * file's chunks replayed from the cache, or parsed by a `parseChunks` call of their own), whose ids start again.
   */
  restartDictionaries(): void {
    this.dictionaries.clear();
  }

  /** Appends a chunk read from `file`; `lineBase` is added to its line numbers (relative ones become absolute). */
  append(chunk: ColumnChunk, file: string, lineBase: number): void {
    const f = this.strings.code(file);
    const { reports: cr, media: cm } = chunk;
    const dict = this.dictionary(chunk.dictionary);
    const r = this.r;
    const start = this.reportCount;
    const [reportSessions, mediaSessions] = this.sessions(cr, cm);
    r.session_id.push(reportSessions);
    r.user_id.push(strings(dict, cr.user_id));
    r.ts.push(cr.ts);
    r.ts_raw.push(cr.ts_raw);
    r.file.repeat(f, cr.n);
    r.line.push(cr.line, lineBase);
    r.overall_score.push(cr.overall_score);
    cr.diagnostics.forEach((d, k) => r.diagnostics[k].push(d));
    r.strength_tags.push(this.listCodes(dict, cr.strength_tags));
    r.risk_tags.push(this.listCodes(dict, cr.risk_tags));
    r.task_focus.push(this.listCodes(dict, cr.task_focus));
    r.n_tasks.push(cr.n_tasks);
    r.n_timeline_events.push(cr.n_timeline_events);
    cr.dimensions.forEach((name, k) => {
      let scores = r.scores.get(name);
      let comments = r.comments.get(name);
      if (!scores || !comments) {
        scores = new BlockParts(Float64Array, NaN);
        comments = new BlockParts(Int32Array);
        r.scores.set(name, scores);
        r.comments.set(name, comments);
      }
      scores.padTo(start);
      comments.padTo(start);
      scores.push(cr.scores[k]);
      comments.push(strings(dict, cr.comments[k]));
    });
    this.reportCount += cr.n;
    for (const [name, scores] of r.scores) {
      scores.padTo(this.reportCount);
      r.comments.get(name)!.padTo(this.reportCount);
    }

    const m = this.m;
    m.media_id.push(cm.media_id);
    m.session_id.push(mediaSessions);
    m.user_id.push(strings(dict, cm.user_id));
    m.media_type.push(strings(dict, cm.media_type));
    m.ts.push(cm.ts);
    m.ts_raw.push(cm.ts_raw);
    m.file.repeat(f, cm.n);
    m.line.push(cm.line, lineBase);
    AUDIO_AT.forEach((at, k) => m.audio[k].push(cm.features[at]));
    m.video.push(VIDEO_AT.map((at) => cm.features[at]));
    cm.categories.forEach((c, k) => m.categories[k].push(strings(dict, c)));
    this.mediaCount += cm.n;
  }

  /** The assembled columns, with each session's current report. */
  finish(): MetricsData {
    const r = this.r;
    const m = this.m;
    const strings = this.strings.values;
    const sessionIds = this.sessionIds.values as string[];
    const coded = <T>(parts: BlockParts<Int32Array>, values: readonly unknown[]) => new CodedColumn(parts.finish(), values as readonly T[]);
    const reports: ReportColumns = {
      session_id: coded(r.session_id, sessionIds), user_id: coded(r.user_id, strings), ts: r.ts.finish(), ts_raw: r.ts_raw.finish(),
      file: coded(r.file, strings), line: r.line.finish(), overall_score: r.overall_score.finish(),
      diagnostics: Object.fromEntries(DIAGNOSTIC_COLUMNS.map((c, k) => [c, r.diagnostics[k].finish()])) as Record<DiagnosticColumn, NumberColumn>,
      strength_tags: coded(r.strength_tags, this.lists.values), risk_tags: coded(r.risk_tags, this.lists.values),
      task_focus: coded(r.task_focus, this.lists.values),
      n_tasks: r.n_tasks.finish(), n_timeline_events: r.n_timeline_events.finish(),
      scores: new Map([...r.scores].map(([name, s]) => [name, s.finish()])),
      comments: new Map([...r.comments].map(([name, c]) => [name, coded<string | null>(c, strings)])),
    };
    const media: MediaColumns = {
      media_id: m.media_id.finish(), session_id: coded(m.session_id, sessionIds), user_id: coded(m.user_id, strings),
      media_type: coded(m.media_type, strings), ts: m.ts.finish(), ts_raw: m.ts_raw.finish(), file: coded(m.file, strings), line: m.line.finish(),
      features: Object.fromEntries([...AUDIO_FEATURES.map((f, k) => [f, m.audio[k].finish()]), ...zip(VIDEO_FEATURES, m.video.finish())]) as Record<MediaFeature, Column<number>>,
      ...(Object.fromEntries(MEDIA_CATEGORIES.map((c, k) => [c, coded(m.categories[k], strings)])) as Record<MediaCategory, CodedColumn<string | null>>),
    };
    const current = new Int32Array(sessionIds.length).fill(-1);
    const reportCounts = new Int32Array(sessionIds.length);
    const sid = reports.session_id.codes;
    const ts = reports.ts;
    let reportedSessions = 0;
    for (let i = 0; i < sid.length; i++) {
      const s = sid.at(i);
      const prev = current[s];
      if (prev < 0) reportedSessions++;
      if (prev < 0 || ts.at(i) >= ts.at(prev)) current[s] = i;
      reportCounts[s]++;
    }
    return { reports, media, sessionIds, current, reportCounts, reportedSessions, dimensions: [...r.scores.keys()] };
  }

  /**
   * The session codes of a chunk's reports and media, taken in line order (so that codes — and `sessionIds` — follow
   * the first appearance in the log, however it was cut into chunks); a new id gets the next code.
   */
  private sessions(cr: ColumnChunk["reports"], cm: ColumnChunk["media"]): [Int32Array, Int32Array] {
    const out = [new Int32Array(cr.n), new Int32Array(cm.n)] as [Int32Array, Int32Array];
    let i = 0;
    let j = 0;
    while (i < cr.n || j < cm.n) {
      const report = j >= cm.n || (i < cr.n && cr.line[i] < cm.line[j]);
      const id = report ? cr.session_id[i] : cm.session_id[j];
      const code = this.sessionIds.code(id);
      if (report) out[0][i++] = code;
      else out[1][j++] = code;
    }
    return out;
  }

  /** The dictionary a chunk's codes refer to, with the values the chunk added coded here. */
  private dictionary(received: ColumnChunk["dictionary"]): ChunkDictionary {
    let dict = this.dictionaries.get(received.id);
    if (!dict || received.reset) this.dictionaries.set(received.id, (dict = { strings: [], lists: [] }));
    for (const v of received.added) {
      dict.strings.push(this.strings.code(v));
      dict.lists.push(-1);
    }
    return dict;
  }

  /** A column of JSON-coded lists as list codes, each distinct list decoded once (frozen, its strings shared). */
  private listCodes(dict: ChunkDictionary, column: DictColumn): Int32Array {
    const out = new Int32Array(column.codes.length);
    for (let i = 0; i < out.length; i++) {
      const c = column.codes[i];
      let code = dict.lists[c];
      if (code < 0) {
        const json = this.strings.values[dict.strings[c]];
        code = dict.lists[c] = this.lists.code(json, () =>
          Object.freeze((JSON.parse(json!) as string[]).map((s) => this.strings.values[this.strings.code(s)]!)),
        );
      }
      out[i] = code;
    }
    return out;
  }
}

/** A column of a parsing thread's codes as this assembler's string codes. */
function strings(dict: ChunkDictionary, column: DictColumn): Int32Array {
  const out = new Int32Array(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = dict.strings[column.codes[i]];
  return out;
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

function zip<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.map((a, k) => [a, bs[k]]);
}
