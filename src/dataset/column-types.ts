import type * as aq from "arquero";
import { countColumn, MEDIA_FEATURES, MEDIA_SESSION_COLUMNS, SCORE_COLUMNS, SESSION_COLUMNS, TIMELINE_COLUMNS } from "../join/columns";
import { MEDIA_SPECS, REPORT_SPECS } from "../store/column-specs";
import type { SpecKind } from "../store/column-spec";
import { Diagnostics } from "../schema/diagnostics";

/** How a column is typed outside the kit (Parquet, DuckDB, Arrow): `list` is a list of strings. */
export type ColumnKind = "timestamp" | "double" | "integer" | "boolean" | "varchar" | "list";

/** How each kind of the store's specs leaves the kit. */
const SPEC_EXPORT: Readonly<Record<SpecKind, ColumnKind>> = {
  number: "double", count: "integer", timestamp: "timestamp", string: "varchar", list: "list", text: "varchar", session: "varchar", file: "varchar", line: "integer",
};

/**
 * The diagnostics the schema declares whole numbers (`total_words: z.number().int()`): stored as doubles like the
 * others, they leave the kit as integers.
 */
const INTEGER_DIAGNOSTICS = Object.entries(Diagnostics.shape).filter(([, schema]) => schema.unwrap().isInt).map(([name]) => name);

/**
 * The kind of every column the kit names: the store's columns as their specs say (`REPORT_SPECS`, `MEDIA_SPECS`),
 * the diagnostics the schema makes whole numbers as integers, and the columns the join layer derives from them;
 * other columns (the dimensions') are typed by their values.
 */
const KNOWN: ReadonlyMap<string, ColumnKind> = new Map<string, ColumnKind>([
  ...[...REPORT_SPECS, ...MEDIA_SPECS].map((s) => [s.name, SPEC_EXPORT[s.kind]] as const),
  ...INTEGER_DIAGNOSTICS.map((c) => [c, "integer"] as const),
  ...["dimension", "comment"].map((c) => [c, "varchar"] as const),
  ...[SESSION_COLUMNS.n_reports, MEDIA_SESSION_COLUMNS.n_media, MEDIA_SESSION_COLUMNS.n_audio, MEDIA_SESSION_COLUMNS.n_video,
    TIMELINE_COLUMNS.session_index, TIMELINE_COLUMNS.n_sessions, ...MEDIA_FEATURES.map(countColumn)].map((c) => [c, "integer"] as const),
  ["score", "double"],
  [MEDIA_SESSION_COLUMNS.media_user_ids, "list"],
  ...SCORE_COLUMNS.filter((c) => c.startsWith("is_")).map((c) => [c, "boolean"] as const),
]);

/** The kind of a value, or undefined for a missing one (`null`, `undefined`, `NaN` are all missing). */
function kindOf(value: unknown): ColumnKind | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return "varchar";
  if (value instanceof Date) return "timestamp";
  if (Array.isArray(value)) return "list";
  return "varchar";
}

/**
 * Each column's kind: the join layer's own columns by name (an `integer` column holding a fraction is widened to
 * `double`), any other column by its first present value (`double` for a column of `NaN`s, `varchar` for one of
 * `null`s).
 *
 * @example columnKinds(t.sessions).get("ts") // "timestamp"
 */
export function columnKinds(table: aq.ColumnTable): Map<string, ColumnKind> {
  const kinds = new Map<string, ColumnKind>();
  for (const name of table.columnNames()) {
    const column = table.column(name)!;
    const known = KNOWN.get(name);
    if (known === "integer") kinds.set(name, allIntegers(column) ? "integer" : "double");
    else kinds.set(name, known ?? sniff(column));
  }
  return kinds;
}

function sniff(column: { length: number; at(row: number): unknown }): ColumnKind {
  let sawNaN = false;
  for (let i = 0; i < column.length; i++) {
    const v = column.at(i);
    if (typeof v === "number" && Number.isNaN(v)) sawNaN = true;
    const kind = kindOf(v);
    if (kind !== undefined && !(kind === "double" && Number.isNaN(v))) return kind;
  }
  return sawNaN ? "double" : "varchar";
}

function allIntegers(column: { length: number; at(row: number): unknown }): boolean {
  for (let i = 0; i < column.length; i++) {
    const v = column.at(i);
    if (typeof v === "number" && Number.isFinite(v) && (!Number.isInteger(v) || Math.abs(v) > 2 ** 31 - 1)) return false;
  }
  return true;
}

/** The DuckDB type of a kind (`TIMESTAMPTZ`: instants in UTC; Parquet writes them with isAdjustedToUTC). */
export const SQL_TYPES: Readonly<Record<ColumnKind, string>> = {
  timestamp: "TIMESTAMPTZ", double: "DOUBLE", integer: "INTEGER", boolean: "BOOLEAN", varchar: "VARCHAR", list: "VARCHAR[]",
};

/**
 * A value as it leaves the kit for a column of `kind`: `NaN` and `undefined` become `null` (missing), a `Date`
 * stays a `Date` (an invalid one is missing), a list becomes a plain array of strings.
 *
 * @example exportValue(NaN, "double") // null
 */
export function exportValue(value: unknown, kind: ColumnKind): unknown {
  if (value === undefined || value === null || (typeof value === "number" && Number.isNaN(value))) return null;
  switch (kind) {
    case "timestamp":
      return value instanceof Date ? (Number.isNaN(+value) ? null : value) : new Date(value as number);
    case "list":
      return Array.isArray(value) ? value.map(String) : [String(value)];
    case "varchar":
      return typeof value === "string" ? value : String(value);
    default:
      return value;
  }
}
