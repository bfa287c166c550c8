import type { NumberColumn } from "./block-column";
import type { CodedColumn } from "./coded-column";
import type { MediaSpecColumns, ReportSpecColumns } from "./column-specs";

/**
 * Every session report, in file order (current and superseded), as columns named as `REPORT_SPECS` names them
 * (numbers: `NaN` = missing; `session_id` codes index `MetricsData.sessionIds`), and the dimensions' scores and
 * comments by name, in order of first appearance (a score is `NaN`, a comment `null`, where the report has none).
 */
export type ReportColumns = ReportSpecColumns & {
  scores: Map<string, NumberColumn>;
  comments: Map<string, CodedColumn<string | null>>;
};

/** Every media report, in file order, as columns named as `MEDIA_SPECS` names them (video features in `SparseColumn`s). */
export type MediaColumns = MediaSpecColumns;

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
