import { MEDIA_SPECS, REPORT_SPECS } from "./column-specs";
import type { ColumnSpec } from "./column-spec";
import type { ReportChunk, StoreChunk, TableChunk } from "./store-chunk";
import type { InternerDelta } from "./interner";
import { Interner } from "./interner";
import { ListInterner } from "./list-interner";
import { BlockParts, type NumberColumn } from "./block-column";
import { CodedColumn } from "./coded-column";
import { TableParts, type AppendContext, type StoreValues } from "./table-parts";
import type { MediaColumns, MetricsData, ReportColumns } from "./metrics-data";
import type { Column } from "./column";

/** A parsing thread's interner as seen here: its codes mapped to the assembler's string and list codes. */
interface ThreadCodes {
  strings: number[];
  /** -1 until a code is first read as a list. */
  lists: number[];
}

/**
 * Assembles `MetricsData` from store chunks taken in line order (from workers or from a `ChunkBuilder`), each
 * table's columns as its specs say (`TableParts`); each distinct string and list is kept once; the parsing threads'
 * codes are mapped to the assembler's one `Interner`.
 *
 * @example const a = StoreAssembler.create(); a.append(chunk, "metrics.log", 0); a.finish().reports.overall_score.at(0)
 */
export class StoreAssembler {
  private values: StoreValues;
  private threads = new Map<number, ThreadCodes>();
  private reports: TableParts;
  private media: TableParts;
  private scores = new Map<string, { scores: BlockParts<Float64Array>; comments: BlockParts<Int32Array> }>();
  private reportCount = 0;
  private mediaCount = 0;

  /** `from`: data to go on from (see `StoreAssembler.resume`). */
  private constructor(from?: { data: MetricsData; file: string }) {
    const strings = from ? Interner.from(from.data.reports.user_id.values as (string | null)[]) : new Interner({ nullFirst: true });
    const lists = from ? ListInterner.from(from.data.reports.strength_tags.values, strings) : new ListInterner(strings);
    this.values = { strings, lists, sessionIds: from ? Interner.from(from.data.sessionIds) : new Interner() };
    const file = strings.code(from?.file);
    const seed = (columns: object) => (from ? { columns: columns as Record<string, Column<unknown>>, file } : undefined);
    this.reports = new TableParts(REPORT_SPECS as readonly ColumnSpec<never>[], this.values, seed(from?.data.reports ?? {}));
    this.media = new TableParts(MEDIA_SPECS as readonly ColumnSpec<never>[], this.values, seed(from?.data.media ?? {}));
    if (!from) return;
    const r = from.data.reports;
    for (const [name, scores] of r.scores) this.scores.set(name, { scores: BlockParts.from(scores, Float64Array, NaN), comments: BlockParts.from(r.comments.get(name)!.codes, Int32Array) });
    this.reportCount = r.ts.length;
    this.mediaCount = from.data.media.ts.length;
  }

  /** An empty assembler. */
  static create(): StoreAssembler {
    return new StoreAssembler();
  }

  /**
   * An assembler that goes on from `data` read from `file` (a log's snapshot, to which the rows the log gained
   * since are appended): its blocks are shared, not copied, and its codes kept. `data` must be what an
   * assembler's `finish` gave (or its snapshot restored), its string columns all reading one value list.
   *
   * @example const a = StoreAssembler.resume(restoreSnapshot(s, "metrics.log"), "metrics.log"); a.append(chunk, "metrics.log", lines)
   */
  static resume(data: MetricsData, file: string): StoreAssembler {
    return new StoreAssembler({ data, file });
  }

  /** Rows appended so far. */
  get size(): number {
    return this.reportCount + this.mediaCount;
  }

  /**
   * Forgets the parsing threads' interners: the chunks appended next come from a new run of threads (a file's
   * chunks replayed from the cache, or parsed by a `parseChunks` call of their own), whose ids start again.
   */
  restartDictionaries(): void {
    this.threads.clear();
  }

  /** Appends a chunk read from `file`; `lineBase` is added to its line numbers (relative ones become absolute). */
  append(chunk: StoreChunk, file: string, lineBase: number): void {
    const thread = this.thread(chunk.dictionary);
    const map = thread.strings;
    const strings = (codes: Int32Array) => {
      const out = new Int32Array(codes.length);
      for (let i = 0; i < out.length; i++) out[i] = map[codes[i]];
      return out;
    };
    const lists = (codes: Int32Array) => this.listCodes(thread, codes);
    const [reportSessions, mediaSessions] = this.sessions(chunk.reports, chunk.media);
    const base = { strings, lists, file: this.values.strings.code(file), lineBase };
    this.reports.push(chunk.reports, { ...base, sessions: reportSessions });
    this.appendDimensions(chunk.reports, strings);
    this.media.push(chunk.media, { ...base, sessions: mediaSessions });
    this.mediaCount += chunk.media.n;
  }

  /** The assembled columns, with each session's current report (more chunks may still be appended after). */
  finish(): MetricsData {
    const strings = this.values.strings.values;
    const reports = {
      ...this.reports.finish(),
      scores: new Map([...this.scores].map(([name, d]) => [name, d.scores.finish()])),
      comments: new Map([...this.scores].map(([name, d]) => [name, new CodedColumn(d.comments.finish(), strings) as CodedColumn<string | null>])),
    } as unknown as ReportColumns;
    const media = this.media.finish() as unknown as MediaColumns;
    return { reports, media, sessionIds: this.values.sessionIds.values as string[], ...currentReports(reports, this.values.sessionIds.values.length), dimensions: [...this.scores.keys()] };
  }

  private appendDimensions(cr: ReportChunk, strings: (codes: Int32Array) => Int32Array): void {
    const start = this.reportCount;
    cr.dimensions.forEach((name, k) => {
      let d = this.scores.get(name);
      if (!d) this.scores.set(name, (d = { scores: new BlockParts(Float64Array, NaN), comments: new BlockParts(Int32Array) }));
      d.scores.padTo(start);
      d.comments.padTo(start);
      d.scores.push(cr.scores[k]);
      d.comments.push(strings(cr.comments[k]));
    });
    this.reportCount += cr.n;
    for (const d of this.scores.values()) {
      d.scores.padTo(this.reportCount);
      d.comments.padTo(this.reportCount);
    }
  }

  /**
   * The session codes of a chunk's reports and media, taken in line order (so that codes — and `sessionIds` —
   * follow the first appearance in the log, however it was cut into chunks); a new id gets the next code.
   */
  private sessions(cr: TableChunk, cm: TableChunk): [Int32Array, Int32Array] {
    const out = [new Int32Array(cr.n), new Int32Array(cm.n)] as [Int32Array, Int32Array];
    const ids = this.values.sessionIds;
    let i = 0;
    let j = 0;
    while (i < cr.n || j < cm.n) {
      const report = j >= cm.n || (i < cr.n && cr.line[i] < cm.line[j]);
      if (report) out[0][i] = ids.code(cr.session[i++]);
      else out[1][j] = ids.code(cm.session[j++]);
    }
    return out;
  }

  /** The codes of a thread's interner, with the values a chunk added coded here. */
  private thread(delta: InternerDelta): ThreadCodes {
    let t = this.threads.get(delta.id);
    if (!t || delta.reset) this.threads.set(delta.id, (t = { strings: [], lists: [] }));
    for (const v of delta.added) {
      t.strings.push(this.values.strings.code(v));
      t.lists.push(-1);
    }
    return t;
  }

  /** A column of a thread's codes of list keys (`listKey`) as list codes, each distinct list decoded once. */
  private listCodes(t: ThreadCodes, codes: Int32Array): Int32Array {
    const out = new Int32Array(codes.length);
    for (let i = 0; i < out.length; i++) {
      const c = codes[i];
      let code = t.lists[c];
      if (code < 0) code = t.lists[c] = this.values.lists.code(this.values.strings.values[t.strings[c]]);
      out[i] = code;
    }
    return out;
  }
}

/** Per session: its current report (the latest by `ts`, later lines winning ties; -1 for none) and its report count. */
function currentReports(reports: { session_id: CodedColumn<string>; ts: NumberColumn }, sessions: number) {
  const current = new Int32Array(sessions).fill(-1);
  const reportCounts = new Int32Array(sessions);
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
  return { current, reportCounts, reportedSessions };
}
