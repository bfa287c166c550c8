import type { BlockColumn, NumberColumn } from "./block-column";
import type { CodedColumn } from "./coded-column";
import type { TextColumn } from "./text-column";
import type { Column } from "./column";

/**
 * How a column of the store holds its values, from the thread that parses a row to the tables:
 * - `number`: a double, `NaN` when missing (`BlockColumn<Float64Array>`, or a `SparseColumn` in a `sparse` group);
 * - `count`: the same storage, a whole number (exported as an integer);
 * - `timestamp`: the row's timestamp string parsed to epoch milliseconds (UTC), as a `number`;
 * - `string`: a repeated string, dictionary-coded (`CodedColumn`: 4 bytes a row, one copy per distinct value);
 * - `list`: a list of strings, coded like a string (each distinct list decoded once, frozen);
 * - `text`: a string that rarely repeats, packed as UTF-8 (`TextColumn`);
 * - `session`: the session id, coded in order of first appearance in the log (`MetricsData.sessionIds`);
 * - `file`, `line`: where the row was read (given by the loader, not read from the row).
 */
export type SpecKind = "number" | "count" | "timestamp" | "string" | "list" | "text" | "session" | "file" | "line";

/** What a spec's `read` gives for each kind (`undefined` and `null` are a missing value). */
export interface ReadValue {
  number: number | null | undefined;
  count: number;
  timestamp: string;
  string: string | null | undefined;
  list: readonly string[] | null | undefined;
  text: string;
  session: string;
  file: never;
  line: never;
}

/**
 * One column of the store: its name (the tables' column name), its kind, how a row gives its value, whether it
 * may be missing, and the group of a sparse column (columns of one group are missing together and share one
 * rank: the video features, absent from audio-only media reports).
 */
export type ColumnSpec<R = never> = {
  [K in SpecKind]: {
    readonly name: string;
    readonly kind: K;
    /** The row's value (absent for `file` and `line`). */
    readonly read?: (row: R) => ReadValue[K];
    readonly nullable: boolean;
    readonly sparse?: string;
  };
}[SpecKind];

/** The column class a spec's values end up in. */
export type ColumnOf<S> = S extends { kind: "number" | "count" | "timestamp" }
  ? S extends { sparse: string } ? Column<number> : NumberColumn
  : S extends { kind: "string" } ? (S extends { nullable: false } ? CodedColumn<string> : CodedColumn<string | null>)
  : S extends { kind: "list" } ? CodedColumn<readonly string[] | null>
  : S extends { kind: "text" } ? TextColumn
  : S extends { kind: "session" | "file" } ? CodedColumn<string>
  : S extends { kind: "line" } ? BlockColumn<Uint32Array>
  : never;

/** The columns of a spec list, by name. */
export type ColumnsOf<L extends readonly { name: string }[]> = { [S in L[number] as S["name"]]: ColumnOf<S> };
