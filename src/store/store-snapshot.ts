import { BLOCK_ROWS, BlockColumn, type TypedArray } from "./block-column";
import { CodedColumn } from "./coded-column";
import { TextColumn, type PackedText } from "./text-column";
import { SparseColumn } from "./sparse-column";
import type { Column } from "./column";
import type { MetricsData } from "./metrics-data";

/** How a snapshot describes a column: its class, the arrays (by index) and the value list (by index) it reads. */
type Described =
  | { t: "block"; n: number; blocks: number[] }
  | { t: "coded"; codes: Described & { t: "block" }; values: number }
  | { t: "text"; n: number; blocks: [number, number][] }
  | { t: "sparse"; rank: Described & { t: "block" }; values: Described & { t: "block" } }
  | { t: "file"; n: number };

/** A snapshot's description of `MetricsData`: JSON, besides its typed arrays (one cache record each) and its value lists. */
export interface SnapshotMeta {
  arrays: { type: ArrayType; length: number }[];
  reports: Record<string, Described>;
  media: Record<string, Described>;
  scores: [string, Described][];
  comments: [string, Described][];
  current: number;
  reportCounts: number;
  sessionIds: number;
  reportedSessions: number;
  dimensions: string[];
}

type ArrayType = "f64" | "i32" | "u32" | "u8";
const ARRAY_TYPES = { f64: Float64Array, i32: Int32Array, u32: Uint32Array, u8: Uint8Array } as const;
const typeOf = (a: TypedArray): ArrayType => (a instanceof Float64Array ? "f64" : a instanceof Int32Array ? "i32" : a instanceof Uint32Array ? "u32" : "u8");

/** What a snapshot holds: its description, its value lists (strings, lists, session ids) and its typed arrays. */
export interface Snapshot {
  meta: SnapshotMeta;
  values: readonly (readonly unknown[])[];
  arrays: TypedArray[];
}

/**
 * `MetricsData` as a snapshot: every typed array of every column as it is (an array shared by columns — the rank
 * of the sparse video features — once), every value list once, and a description tying them together. The `file`
 * column is left out (it is the one file the data was read from, named again by `restoreSnapshot`).
 *
 * @example const s = takeSnapshot(data); restoreSnapshot(s, "metrics.log").reports.ts.at(0) === data.reports.ts.at(0)
 */
export function takeSnapshot(data: MetricsData): Snapshot {
  const arrays: TypedArray[] = [];
  const arrayAt = new Map<TypedArray, number>();
  const values: (readonly unknown[])[] = [];
  const valuesAt = new Map<readonly unknown[], number>();
  const array = (a: TypedArray) => arrayAt.get(a) ?? (arrayAt.set(a, arrays.length), arrays.push(a) - 1);
  const list = (v: readonly unknown[]) => valuesAt.get(v) ?? (valuesAt.set(v, values.length), values.push(v) - 1);
  const block = (c: BlockColumn<TypedArray>) => ({ t: "block" as const, n: c.length, blocks: c.blocks.map(array) });
  const describe = (c: Column<unknown>, name?: string): Described => {
    if (name === "file") return { t: "file", n: c.length };
    if (c instanceof BlockColumn) return block(c);
    if (c instanceof CodedColumn) return { t: "coded", codes: block(c.codes), values: list(c.values) };
    if (c instanceof TextColumn) return { t: "text", n: c.length, blocks: c.blocks.map((b) => [array(b.bytes), array(b.ends)]) };
    if (c instanceof SparseColumn) return { t: "sparse", rank: block(c.rank), values: block(c.values) };
    throw new TypeError(`snapshot: a column of ${c.constructor.name} cannot be kept`);
  };
  const table = (columns: object) => Object.fromEntries(Object.entries(columns).filter(([, c]) => !(c instanceof Map)).map(([name, c]) => [name, describe(c, name)]));
  const { scores, comments } = data.reports;
  const meta: Omit<SnapshotMeta, "arrays"> = {
    reports: table(data.reports), media: table(data.media),
    scores: [...scores].map(([name, c]) => [name, describe(c)]), comments: [...comments].map(([name, c]) => [name, describe(c)]),
    current: array(data.current), reportCounts: array(data.reportCounts), sessionIds: list(data.sessionIds),
    reportedSessions: data.reportedSessions, dimensions: data.dimensions,
  };
  return { meta: { ...meta, arrays: arrays.map((a) => ({ type: typeOf(a), length: a.length })) }, values, arrays };
}

/**
 * The `MetricsData` of a snapshot, its columns reading the snapshot's arrays in place, every row's `file` being
 * `file`. Throws `TypeError` when the snapshot does not hold together (a column of the wrong length, a missing array).
 *
 * @example restoreSnapshot(takeSnapshot(data), "metrics.log").sessionIds.length === data.sessionIds.length
 */
export function restoreSnapshot(s: Snapshot, file: string): MetricsData {
  const { meta } = s;
  if (s.arrays.length !== meta.arrays.length) throw new TypeError("snapshot: arrays missing");
  s.arrays.forEach((a, k) => {
    if (typeOf(a) !== meta.arrays[k].type || a.length !== meta.arrays[k].length) throw new TypeError(`snapshot: array ${k} is not as described`);
  });
  const files = [file];
  const block = (d: Described & { t: "block" }) => checked(new BlockColumn(d.blocks.map((k) => s.arrays[k]), d.n));
  const restore = (d: Described): Column<unknown> => {
    switch (d.t) {
      case "block": return block(d);
      case "coded": return new CodedColumn(block(d.codes) as BlockColumn<Int32Array>, s.values[d.values]);
      case "text": return new TextColumn(d.blocks.map(([bytes, ends]) => ({ bytes: s.arrays[bytes], ends: s.arrays[ends] }) as PackedText), d.n);
      case "sparse": return new SparseColumn(block(d.rank) as BlockColumn<Int32Array>, block(d.values) as BlockColumn<Float64Array>);
      case "file": return new CodedColumn(zeros(d.n), files);
    }
  };
  const table = (columns: Record<string, Described>) => Object.fromEntries(Object.entries(columns).map(([name, d]) => [name, restore(d)]));
  return {
    reports: { ...table(meta.reports), scores: new Map(meta.scores.map(([n, d]) => [n, restore(d)])), comments: new Map(meta.comments.map(([n, d]) => [n, restore(d)])) } as unknown as MetricsData["reports"],
    media: table(meta.media) as unknown as MetricsData["media"],
    sessionIds: s.values[meta.sessionIds] as string[],
    current: s.arrays[meta.current] as Int32Array,
    reportCounts: s.arrays[meta.reportCounts] as Int32Array,
    reportedSessions: meta.reportedSessions,
    dimensions: meta.dimensions,
  };
}

/** A typed array of a snapshot record's bytes: a view where they are aligned for its type, else a copy. */
export function arrayOfBytes(bytes: Buffer, type: ArrayType): TypedArray {
  const make = ARRAY_TYPES[type];
  const size = make.BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) throw new TypeError("snapshot: an array's bytes are not whole elements");
  if (bytes.byteOffset % size === 0) return new make(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length / size);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new make(copy.buffer);
}

/** The blocks of a `BlockColumn` must hold exactly its rows. */
function checked<A extends TypedArray>(c: BlockColumn<A>): BlockColumn<A> {
  const full = Math.floor(c.length / BLOCK_ROWS);
  const ok = c.blocks.length === Math.ceil(c.length / BLOCK_ROWS) && c.blocks.every((b, k) => b !== undefined && b.length === (k < full ? BLOCK_ROWS : c.length - full * BLOCK_ROWS));
  if (!ok) throw new TypeError("snapshot: a column's blocks do not hold its rows");
  return c;
}

const ZERO_BLOCK = new Int32Array(BLOCK_ROWS);

/** `n` zero codes, the full blocks sharing one array. */
function zeros(n: number): BlockColumn<Int32Array> {
  const full = Math.floor(n / BLOCK_ROWS);
  const blocks = Array.from({ length: full }, () => ZERO_BLOCK);
  if (n > full * BLOCK_ROWS) blocks.push(new Int32Array(n - full * BLOCK_ROWS));
  return new BlockColumn(blocks, n);
}
