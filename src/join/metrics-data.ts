import type { LoadedRow } from "../load/read-metrics";
import type { SessionReport } from "../schema/session-report";
import type { MediaReport } from "../schema/media-report";
import { EMOTIONS } from "../schema/video-features";
import { parseTimestamp } from "../schema/timestamp";
import { AUDIO_NUMERIC, DIAGNOSTIC_COLUMNS, MEDIA_FEATURES, VIDEO_NUMERIC, type DiagnosticColumn, type MediaFeature } from "./columns";
import { Interner, NumberColumn } from "./number-column";

/** Every session report, in file order (current and superseded), as columns. */
export interface ReportColumns {
  session_id: string[];
  user_id: (string | null)[];
  ts: NumberColumn;
  ts_raw: string[];
  file: string[];
  line: NumberColumn;
  overall_score: NumberColumn;
  diagnostics: Record<DiagnosticColumn, NumberColumn>;
  strength_tags: (readonly string[] | null)[];
  risk_tags: (readonly string[] | null)[];
  task_focus: (readonly string[] | null)[];
  n_tasks: NumberColumn;
  n_timeline_events: NumberColumn;
  /** Score per dimension name, in order of first appearance; `NaN` where the report has no score for it. */
  scores: Map<string, NumberColumn>;
  /** Comment per dimension name; `null` where there is none. */
  comments: Map<string, (string | null)[]>;
}

/** Every media report, in file order, as columns. */
export interface MediaColumns {
  media_id: string[];
  session_id: string[];
  user_id: (string | null)[];
  media_type: string[];
  ts: NumberColumn;
  ts_raw: string[];
  file: string[];
  line: NumberColumn;
  features: Record<MediaFeature, NumberColumn>;
  "audio.emotion": (string | null)[];
  "video.dominant_emotion": (string | null)[];
}

/** What the collector folded from a stream of rows: the input of every table builder. */
export interface MetricsData {
  reports: ReportColumns;
  media: MediaColumns;
  /** Index (into `reports`) of each session's current report: its latest by `ts`, later lines winning ties. */
  current: Map<string, number>;
  /** Dimension names in order of first appearance (never a fixed list). */
  dimensions: string[];
}

/** Folds validated rows into `MetricsData` as they stream, holding columns rather than row objects. */
export interface MetricsCollector {
  add(loaded: LoadedRow): void;
  data: MetricsData;
}

const listKey = (xs: readonly string[]) => xs.join("\u0001");

/**
 * Creates a collector: feed it rows from `readMetrics` (or `loadMetrics().rows`), then build tables from `.data`.
 *
 * @example
 * const c = createCollector();
 * for await (const r of readMetrics("metrics.log")) c.add(r);
 * sessionsTable(c.data).numRows() // distinct sessions with a report
 */
export function createCollector(): MetricsCollector {
  const strings = new Interner<string>();
  const lists = new Interner<readonly string[]>();
  const str = (s: string) => strings.get(s, () => s);
  const strOrNull = (s: string | null | undefined) => (s == null ? null : str(s));
  const list = (xs: readonly string[] | null | undefined) => (xs == null ? null : lists.get(listKey(xs), () => Object.freeze(xs.map(str))));

  const reports: ReportColumns = {
    session_id: [], user_id: [], ts: new NumberColumn(), ts_raw: [], file: [], line: new NumberColumn(),
    overall_score: new NumberColumn(),
    diagnostics: Object.fromEntries(DIAGNOSTIC_COLUMNS.map((c) => [c, new NumberColumn()])) as Record<DiagnosticColumn, NumberColumn>,
    strength_tags: [], risk_tags: [], task_focus: [], n_tasks: new NumberColumn(), n_timeline_events: new NumberColumn(),
    scores: new Map(), comments: new Map(),
  };
  const media: MediaColumns = {
    media_id: [], session_id: [], user_id: [], media_type: [], ts: new NumberColumn(), ts_raw: [], file: [], line: new NumberColumn(),
    features: Object.fromEntries(MEDIA_FEATURES.map((f) => [f, new NumberColumn()])) as Record<MediaFeature, NumberColumn>,
    "audio.emotion": [], "video.dominant_emotion": [],
  };
  const data: MetricsData = { reports, media, current: new Map(), dimensions: [] };

  function addReport(row: SessionReport, file: string, line: number): void {
    const i = reports.session_id.length;
    const sid = str(row.session_id);
    const ts = parseTimestamp(row.ts)!;
    reports.session_id.push(sid);
    reports.user_id.push(strOrNull(row.user_id));
    reports.ts.push(ts);
    reports.ts_raw.push(row.ts);
    reports.file.push(str(file));
    reports.line.push(line);
    const ev = row.evaluation;
    reports.overall_score.push(ev.overall_score);
    for (const c of DIAGNOSTIC_COLUMNS) reports.diagnostics[c].push(row.diagnostics?.[c]);
    reports.strength_tags.push(list(ev.strength_tags));
    reports.risk_tags.push(list(ev.risk_tags));
    const tasks = ev.suggested_next_tasks ?? null;
    reports.task_focus.push(tasks ? list(tasks.map((t) => t.focus)) : null);
    reports.n_tasks.push(tasks ? tasks.length : 0);
    reports.n_timeline_events.push(ev.timeline_events ? ev.timeline_events.length : 0);
    for (const d of ev.dimensions ?? []) {
      let scores = reports.scores.get(d.name);
      if (!scores) {
        const name = str(d.name);
        data.dimensions.push(name);
        scores = new NumberColumn();
        reports.scores.set(name, scores);
        reports.comments.set(name, []);
      }
      const comments = reports.comments.get(d.name)!;
      scores.padTo(i);
      while (comments.length < i) comments.push(null);
      if (scores.length === i) {
        scores.push(d.score);
        comments.push(strOrNull(d.comment));
      }
    }
    for (const [name, scores] of reports.scores) {
      scores.padTo(i + 1);
      const comments = reports.comments.get(name)!;
      while (comments.length < i + 1) comments.push(null);
    }
    const prev = data.current.get(sid);
    if (prev === undefined || ts >= reports.ts.get(prev)) data.current.set(sid, i);
  }

  function addMedia(row: MediaReport, file: string, line: number): void {
    media.media_id.push(row.media_id);
    media.session_id.push(str(row.session_id));
    media.user_id.push(strOrNull(row.user_id));
    media.media_type.push(str(row.media_type));
    media.ts.push(parseTimestamp(row.ts)!);
    media.ts_raw.push(row.ts);
    media.file.push(str(file));
    media.line.push(line);
    const a = row.audio_features;
    const v = row.video_features;
    const dist = v?.emotion_distribution;
    for (const f of AUDIO_NUMERIC) media.features[`audio.${f}`].push(a?.[f]);
    for (const f of VIDEO_NUMERIC) media.features[`video.${f}`].push(v?.[f]);
    for (const e of EMOTIONS) media.features[`video.emotion_distribution.${e}`].push(dist?.[e]);
    media["audio.emotion"].push(strOrNull(a?.emotion));
    media["video.dominant_emotion"].push(strOrNull(v?.dominant_emotion));
  }

  return {
    data,
    add({ row, file, line }: LoadedRow): void {
      if (row.type === "session_report") addReport(row, file, line);
      else addMedia(row, file, line);
    },
  };
}
